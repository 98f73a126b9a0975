// Writeback of a file's page cache to its storage (mm/page-writeback.c
// write_cache_pages → folio_clear_dirty_for_io → ->writepage), index by
// index. folio_mkclean write-protects and cleans the page's mappings — the
// next store faults (wp_page_shared) — and a page one of them had written
// or could write is dirty; a dirty page goes to storage and is clean after.
// Every cached page is visited: with no write-notify a store dirties only
// the PTE (docs §6.24). Only 'file' objects have storage.
import type { FileId, Pfn, ProcId } from '../../vocabulary.ts';
import { type Ctx, writableFile, writableFrame, writableProc } from '../draft.ts';

/** folio_mkclean: true when a writable or dirty PTE mapped the page. */
function folioMkclean(ctx: Ctx, pfn: Pfn): boolean {
  let cleaned = false;
  for (const procId of Object.keys(ctx.s.procs) as ProcId[]) {
    for (const [vpn, pte] of Object.entries(ctx.s.procs[procId]!.ptes)) {
      if (pte.pfn !== pfn || (pte.kind !== 'present' && pte.kind !== 'present-devmap') || (!pte.dirty && !pte.write)) continue;
      const clean = writableProc(ctx, procId).ptes[Number(vpn)]!;
      clean.write = false;
      delete clean.dirty;
      cleaned = true;
    }
  }
  return cleaned;
}

export function writeCachePages(ctx: Ctx, fileId: FileId): void {
  if (ctx.s.files[fileId]?.kind !== 'file') return;
  const file = writableFile(ctx, fileId);
  for (const index of Object.keys(file.pages)
    .map(Number)
    .sort((a, b) => a - b)) {
    const frame = writableFrame(ctx, file.pages[index]!);
    if (folioMkclean(ctx, frame.pfn)) frame.dirty = true;
    if (!frame.dirty) continue;
    file.stored[index] = frame.data;
    delete frame.dirty;
  }
}
