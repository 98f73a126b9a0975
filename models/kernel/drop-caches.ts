// echo 1 > /proc/sys/vm/drop_caches (fs/drop_caches.c drop_pagecache_sb →
// invalidate_mapping_pages, mm/truncate.c): every page-cache folio the
// proposal's mapping_evict_folio lets go — by default a clean one nothing
// maps or holds — leaves the page cache and is freed. A later fault reads
// the page back from storage (filemap_read_folio), so a dirty bit lost
// earlier shows as stale data here.
import type { OpArgs, OpResult } from '../ops.ts';
import { folio_cancel_dirty } from './dirty.ts';
import { folioView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import type { KernelState } from './kstate.ts';
import { release_pages } from './swap.ts';

export function drop_caches(k: KernelState, _a: OpArgs['drop_caches']): OpResult<'drop_caches'> {
  let dropped = 0;
  for (const num of [...k.files.keys()].sort((a, b) => a - b)) {
    const f = k.files.get(num);
    if (!f) continue;
    const batch: number[] = [];
    for (const [index, pfn] of [...f.pages].sort((a, b) => a[0] - b[0])) {
      if (!k.hooks.mapping_evict_folio(folioView(k, pfn), NO_CTX)) continue;
      // remove_mapping → __filemap_remove_folio (system RAM: slot == pfn);
      // a dirty folio a proposal drops takes its data with it.
      folio_cancel_dirty(k, pfn);
      k.mem.file[pfn] = -1;
      k.mem.fileIndex[pfn] = -1;
      f.pages.delete(index);
      batch.push(pfn);
      dropped++;
    }
    release_pages(k, batch);
  }
  return { dropped };
}
