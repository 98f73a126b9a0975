// echo 1 > /proc/sys/vm/drop_caches: drop_pagecache_sb →
// invalidate_mapping_pages for every inode (docs §2): a page-cache page
// that is clean and held by nothing but the page cache (not mapped, no GUP
// reference or pin: mapping_evict_folio) is dropped and freed. A later
// fault reads it back from storage.
import type { FileId } from '../../vocabulary.ts';
import { frameOf } from '../handles.ts';
import { filemapRemoveFolio } from '../mm/filemap-remove-folio.ts';
import { usersOf } from '../mm/folio-users.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const dropCaches: OpSpec<'drop_caches'> = (era, state) =>
  deterministic<'drop_caches'>(era, state, (ctx) => {
    let dropped = 0;
    for (const fileId of Object.keys(ctx.s.files) as FileId[]) {
      const pages = ctx.s.files[fileId]!.pages;
      for (const index of Object.keys(pages)
        .map(Number)
        .sort((a, b) => a - b)) {
        const pfn = pages[index]!;
        const u = usersOf(ctx.s, pfn);
        if (frameOf(ctx, pfn).dirty || u.maps + u.refs + u.pins > 0) continue;
        filemapRemoveFolio(ctx, pfn);
        dropped++;
      }
    }
    return { dropped };
  });
