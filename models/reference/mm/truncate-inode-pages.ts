// mm/truncate.c: truncate_inode_pages — drop a file object's whole page
// cache. The model calls it when no VMA maps the object any more (docs §2
// munmap): nothing can reach those pages again.
import type { FileId } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { filemapRemoveFolio } from './filemap-remove-folio.ts';

export function truncateInodePages(ctx: Ctx, fileId: FileId): void {
  const file = ctx.s.files[fileId];
  if (!file) return;
  for (const pfn of Object.values(file.pages)) filemapRemoveFolio(ctx, pfn);
}
