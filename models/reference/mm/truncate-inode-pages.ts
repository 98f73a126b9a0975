// mm/truncate.c: truncate_inode_pages — drop a file object's page cache,
// all of it or pages [start, end) (truncate_inode_pages_range). The model
// evicts a whole inode's page cache when no VMA maps the object any more
// (docs §2 munmap); iput_final → write_inode_now writes its dirty pages to
// storage first, so nothing written is lost. A page a GUP reference holds
// leaves the page cache but stays allocated.
import type { FileId } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { filemapRemoveFolio } from './filemap-remove-folio.ts';
import { writeCachePages } from './write-cache-pages.ts';

export function truncateInodePagesRange(ctx: Ctx, fileId: FileId, start: number, end: number): void {
  const file = ctx.s.files[fileId];
  if (!file) return;
  for (const [index, pfn] of Object.entries(file.pages)) {
    if (Number(index) >= start && Number(index) < end) filemapRemoveFolio(ctx, pfn);
  }
}

export function truncateInodePages(ctx: Ctx, fileId: FileId): void {
  writeCachePages(ctx, fileId);
  truncateInodePagesRange(ctx, fileId, 0, Number.MAX_SAFE_INTEGER);
}
