// mm/filemap.c: filemap_remove_folio — a page leaves the page cache
// (truncation, or memory_failure's me_pagecache_clean/dirty): its dirty
// state is cancelled (truncate_cleanup_folio → folio_cancel_dirty),
// folio->mapping is cleared and the page cache's reference goes; the frame
// is freed if nothing else holds it.
import type { Pfn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { folioPut } from './folio-put.ts';

export function filemapRemoveFolio(ctx: Ctx, pfn: Pfn): void {
  const frame = frameOf(ctx, pfn);
  if (frame.file === null || frame.fileIndex === null) return;
  delete ctx.s.files[frame.file]!.pages[frame.fileIndex];
  frame.file = null;
  frame.fileIndex = null;
  delete frame.dirty;
  folioPut(ctx, pfn);
}
