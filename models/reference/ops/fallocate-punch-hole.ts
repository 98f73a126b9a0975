// fallocate(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE) of pages [index,
// index + npages) of a file (docs §2): the range leaves every mapping and
// the page cache (a page GUP still holds stays allocated), its storage
// becomes a hole, and it reads 0. An FS_DAX file first breaks layouts; a
// page held for DMA puts the task to sleep (`{waiting: pfn}`) until the page
// goes idle (run-woken-tasks.ts).
import { match } from 'ts-pattern';
import type { OpValues } from '../../ops.ts';
import type { FileId } from '../../vocabulary.ts';
import { type Ctx, writableFile } from '../draft.ts';
import { EINVAL, validRange } from '../handles.ts';
import { daxFreeFileSpace, daxLayoutBusyPage, daxPgmapOf } from '../mm/dax-break-layout.ts';
import { forgetWrite } from '../mm/forget-write.ts';
import { truncateInodePagesRange } from '../mm/truncate-inode-pages.ts';
import { unmapMappingRange } from '../mm/unmap-mapping-range.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import type { OpFailure } from '../../ops.ts';

type Result = OpValues['fallocate_punch_hole'] | OpFailure;

/** truncate_pagecache_range and the freed blocks, for a file with a page cache (shmem_fallocate alike). */
function punchPageCache(ctx: Ctx, fileId: FileId, start: number, end: number): Result {
  unmapMappingRange(ctx, fileId, start, end, (pfn) => ctx.s.frames[pfn]?.file === fileId);
  truncateInodePagesRange(ctx, fileId, start, end);
  const file = writableFile(ctx, fileId);
  for (let i = start; i < end; i++) {
    delete file.stored[i];
    forgetWrite(ctx, fileId, i);
  }
  return { waiting: null };
}

/** A dax file: FS_DAX waits for DMA (dax_layout_busy_page, v4.18); v4.14's HOST pmem does not; device-dax and p2pmem have no ->fallocate. */
function punchDax(ctx: Ctx, fileId: FileId, index: number, npages: number): Result {
  const pgmap = daxPgmapOf(ctx, fileId);
  if (!pgmap) return EINVAL;
  return match(pgmap.type)
    .with('FS_DAX', (): Result => {
      const busy = daxLayoutBusyPage(ctx, fileId, pgmap);
      if (busy !== null) {
        writableFile(ctx, fileId).punchHole = { index, npages, waitOn: busy };
        return { waiting: busy };
      }
      daxFreeFileSpace(ctx, fileId, pgmap, index, index + npages);
      return { waiting: null };
    })
    .with('HOST', (): Result => {
      daxFreeFileSpace(ctx, fileId, pgmap, index, index + npages);
      return { waiting: null };
    })
    .with('GENERIC', 'PCI_P2PDMA', (): Result => ({ errno: 'EOPNOTSUPP' }))
    .with('PRIVATE', 'COHERENT', 'PUBLIC', (): Result => EINVAL)
    .exhaustive();
}

export const fallocatePunchHole: OpSpec<'fallocate_punch_hole'> = (era, state, args) =>
  deterministic<'fallocate_punch_hole'>(era, state, (ctx) => {
    const file = Object.hasOwn(ctx.s.files, args.file) ? ctx.s.files[args.file] : undefined;
    if (!file || !validRange(args.npages) || !Number.isInteger(args.index) || args.index < 0) return EINVAL;
    // A second punch would block on the inode lock the sleeping one holds (docs §7).
    if (file.punchHole) return { errno: 'EBUSY' };
    const end = Math.min(args.index + args.npages, file.npages);
    return match(file.kind)
      .with('file', 'shmem', () => punchPageCache(ctx, args.file, args.index, end))
      .with('dax', () => punchDax(ctx, args.file, args.index, args.npages))
      .exhaustive();
  });
