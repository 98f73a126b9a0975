// The ghost side of a write that is gone for good (docs §0 "Ghost data"):
// memory_failure threw a page-cache page away (me_pagecache_dirty — its
// data is lost, the file reads its storage there again) or a hole was
// punched (it reads 0). The file's record of the last write falls back to
// what storage holds, so data-preserved asks for that from then on.
import type { FileId } from '../../vocabulary.ts';
import { type Ctx, writableFile } from '../draft.ts';

export function forgetWrite(ctx: Ctx, fileId: FileId, index: number): void {
  if (!ctx.s.files[fileId]) return;
  const file = writableFile(ctx, fileId);
  const stored = file.stored[index];
  if (stored === undefined) delete file.written[index];
  else file.written[index] = stored;
}
