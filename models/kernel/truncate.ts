// Taking pages out of a file's page cache (mm/truncate.c): truncation of a
// range (punch hole) and of a whole inode whose last mapping went.
import { folio_cancel_dirty } from './dirty.ts';
import type { KernelState, KFile } from './kstate.ts';
import { release_pages } from './swap.ts';
import { write_cache_pages } from './writeback.ts';

/**
 * truncate_inode_pages_range (mm/truncate.c) over [start, end): each
 * page-cache folio of the range is removed (truncate_cleanup_folio →
 * folio_cancel_dirty, filemap_remove_folio) and the page cache's reference
 * dropped; a folio a GUP reference or pin still holds leaves the page cache
 * but stays allocated until it is released.
 */
export function truncate_inode_pages_range(k: KernelState, f: KFile, start: number, end: number): void {
  const batch: number[] = [];
  for (const [index, pfn] of [...f.pages].sort((a, b) => a[0] - b[0])) {
    if (index < start || index >= end) continue;
    folio_cancel_dirty(k, pfn); // system RAM: slot == pfn
    k.mem.file[pfn] = -1;
    k.mem.fileIndex[pfn] = -1;
    f.pages.delete(index);
    batch.push(pfn);
  }
  release_pages(k, batch);
}

/**
 * The last mapping of a file went: the model evicts the inode's page cache
 * then (docs §2 munmap). iput_final → write_inode_now writes its dirty
 * pages to storage first, so nothing written is lost; then
 * truncate_inode_pages_final. A dax file has no page cache.
 */
export function truncate_inode_pages_final(k: KernelState, file: number): void {
  const f = k.files.get(file);
  if (!f || f.kind === 'dax') return;
  write_cache_pages(k, f);
  truncate_inode_pages_range(k, f, 0, Number.MAX_SAFE_INTEGER);
}
