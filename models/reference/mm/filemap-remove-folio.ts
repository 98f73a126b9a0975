// mm/filemap.c: filemap_remove_folio — a page leaves the page cache
// (truncation, or memory_failure's me_pagecache_clean/dirty): its dirty
// state is cancelled (truncate_cleanup_folio → folio_cancel_dirty),
// folio->mapping is cleared and the page cache's reference goes; the frame
// is freed if nothing else holds it.
import type { Pfn } from '../../vocabulary.ts';
import { type Ctx, writableFile, writableFrame } from '../draft.ts';
import { folioPut } from './folio-put.ts';

export function filemapRemoveFolio(ctx: Ctx, pfn: Pfn): void {
  const frame = writableFrame(ctx, pfn);
  if (frame.file === null || frame.fileIndex === null) return;
  delete writableFile(ctx, frame.file).pages[frame.fileIndex];
  frame.file = null;
  frame.fileIndex = null;
  delete frame.dirty;
  folioPut(ctx, pfn);
}
