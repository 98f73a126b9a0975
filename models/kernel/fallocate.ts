// fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, len)
// (fs/open.c vfs_fallocate → the filesystem's ->fallocate): the pages of
// the range leave every mapping and the page cache, their blocks are freed,
// and the range reads 0. A DAX file first waits until no page of it is
// busy (dax-break-layout.ts).
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import { dax_free_file_space, dax_layout_busy_page, pgmap_of_file, unmap_mapping_range } from './dax-break-layout.ts';
import { getFile, handleNum, npagesOk, vpnOk } from './handles.ts';
import type { KernelState, KFile } from './kstate.ts';
import { truncate_inode_pages_range } from './truncate.ts';

type Result = OpResult<'fallocate_punch_hole'>;

/**
 * truncate_pagecache_range (mm/truncate.c) and the freed blocks, for a file
 * with a page cache (shmem_fallocate → shmem_truncate_range is the same
 * shape): unmap_mapping_range(even_cows 0) of the range, then
 * truncate_inode_pages_range; the storage of the range is a hole again.
 */
function punch_pagecache(k: KernelState, file: number, f: KFile, start: number, end: number): Result {
  unmap_mapping_range(k, file, start, end, (pfn) => (k.mem.file[pfn] ?? -1) === file);
  truncate_inode_pages_range(k, f, start, end);
  for (let i = start; i < end; i++) {
    f.stored.delete(i);
    k.ghost.forget(file, i, undefined);
  }
  return { waiting: null };
}

/**
 * A DAX file (xfs_file_fallocate / ext4_punch_hole): FS_DAX breaks layouts
 * first (xfs_break_layouts(BREAK_UNMAP) → xfs_break_dax_layouts: a busy
 * page puts the task to sleep in ___wait_var_event until it is idle), then
 * frees the blocks. HOST is v4.14's pmem, from before dax_layout_busy_page
 * (v4.18): nothing waits for DMA. Device-dax and p2pmem files are character
 * devices without ->fallocate: -EOPNOTSUPP.
 */
function punch_dax(k: KernelState, file: number, f: KFile, index: number, npages: number): Result {
  const pg = pgmap_of_file(k, file);
  if (!pg) return { errno: 'EINVAL' };
  return match(pg.type)
    .with('FS_DAX', (): Result => {
      const busy = dax_layout_busy_page(k, file, f, pg);
      if (busy >= 0) {
        f.punch = { index, npages, waitOn: busy, woken: false };
        return { waiting: k.mem.pfn[busy] ?? -1 };
      }
      dax_free_file_space(k, file, f, pg, index, index + npages);
      return { waiting: null };
    })
    .with('HOST', (): Result => {
      dax_free_file_space(k, file, f, pg, index, index + npages);
      return { waiting: null };
    })
    .with('GENERIC', 'PCI_P2PDMA', (): Result => ({ errno: 'EOPNOTSUPP' }))
    .with('PRIVATE', 'COHERENT', 'PUBLIC', (): Result => ({ errno: 'EINVAL' })) // no dax file
    .exhaustive();
}

/**
 * vfs_fallocate. A second punch of a file whose first is still asleep
 * would block on the inode lock it holds (XFS_IOLOCK_EXCL / i_rwsem): the
 * model answers -EBUSY instead of queueing a second task (docs §7).
 */
export function fallocate_punch_hole(k: KernelState, a: OpArgs['fallocate_punch_hole']): Result {
  const f = getFile(k, a.file);
  if (!f || !npagesOk(a.npages) || !vpnOk(a.index)) return { errno: 'EINVAL' };
  if (f.punch) return { errno: 'EBUSY' };
  const file = handleNum('f', a.file);
  const end = Math.min(a.index + a.npages, f.npages);
  return match(f.kind)
    .with('file', 'shmem', () => punch_pagecache(k, file, f, a.index, end))
    .with('dax', () => punch_dax(k, file, f, a.index, a.npages))
    .exhaustive();
}
