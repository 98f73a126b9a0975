// Punching a hole in a DAX file (docs §2 fallocate_punch_hole): FS_DAX
// breaks layouts first — unmap the whole file and wait for the first page
// still held for DMA (a GUP reference or pin) to go idle
// (xfs_break_dax_layouts / ext4_break_layouts → dax_layout_busy_page, then
// ___wait_var_event) — and only then frees the blocks of the range, which
// read 0 from then on.
import type { AbsPgmap } from '../../state.ts';
import type { FileId, Pfn } from '../../vocabulary.ts';
import { type Ctx, writableFrame } from '../draft.ts';
import { forgetWrite } from './forget-write.ts';
import { usersOf } from './folio-users.ts';
import { unmapMappingRange } from './unmap-mapping-range.ts';

/** The pgmap behind a dax file, and the pfn of its page `index`. */
export function daxPgmapOf(ctx: Ctx, fileId: FileId): AbsPgmap | undefined {
  return Object.values(ctx.s.pgmaps).find((pg) => pg.file === fileId);
}
const daxPfn = (pgmap: AbsPgmap, index: number): Pfn => pgmap.start + (pgmap.reserved ?? 0) + index;
const ofPgmap = (pgmap: AbsPgmap) => (pfn: Pfn) => pfn >= pgmap.start && pfn < pgmap.start + pgmap.npages;

/** dax_layout_busy_page over the whole file: unmap it, then the first page a GUP reference or pin holds, or null. */
export function daxLayoutBusyPage(ctx: Ctx, fileId: FileId, pgmap: AbsPgmap): Pfn | null {
  const file = ctx.s.files[fileId]!;
  unmapMappingRange(ctx, fileId, 0, file.npages, ofPgmap(pgmap));
  for (let i = 0; i < file.npages; i++) {
    const u = usersOf(ctx.s, daxPfn(pgmap, i));
    if (u.refs + u.pins > 0) return daxPfn(pgmap, i);
  }
  return null;
}

/** The blocks of [start, end) are freed; a block handed out again is zeroed, so each page reads 0. */
export function daxFreeFileSpace(ctx: Ctx, fileId: FileId, pgmap: AbsPgmap, start: number, end: number): void {
  const last = Math.min(end, ctx.s.files[fileId]!.npages);
  unmapMappingRange(ctx, fileId, start, last, ofPgmap(pgmap));
  for (let i = start; i < last; i++) {
    writableFrame(ctx, daxPfn(pgmap, i)).data = 0;
    forgetWrite(ctx, fileId, i);
  }
}
