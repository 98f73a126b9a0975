// Taking a poisoned frame away from its users (mm/memory-failure.c
// hwpoison_user_mappings / collect_procs + unmap_and_kill): SetPageHWPoison,
// every mapping becomes a hwpoison entry (its map count and reference go),
// each mapping process gets one SIGBUS (kill_procs), a page-cache page leaves
// its file (me_pagecache_clean / me_pagecache_dirty → truncate_error_folio:
// a dirty page's data is lost, the file reads its storage there again).
// mf_generic_kill_procs asks the proposal what to unmap and whom to kill;
// system RAM always does both.
import { folio_cancel_dirty } from './dirty.ts';
import type { UnmapAndKillDecision } from './hooks.ts';
import { type KernelState, rmapProc, rmapVpn } from './kstate.ts';
import { PG_hwpoison } from './memmap.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { rmap_walk } from './rmap.ts';
import { release_pages } from './swap.ts';

export const UNMAP_PAGE_KILL_MAPPERS: UnmapAndKillDecision = Object.freeze({ unmap: 'page', kill: 'mappers' });

export function unmap_and_kill(k: KernelState, slot: number, d: UnmapAndKillDecision): void {
  const m = k.mem;
  const pfn = m.pfn[slot] ?? -1;
  m.set(slot, PG_hwpoison, true);
  const batch: number[] = [];
  const mappers = new Set<number>();
  for (const key of rmap_walk(k, slot)) {
    const p = k.procs.get(rmapProc(key));
    if (!p) continue;
    mappers.add(p.num);
    if (d.unmap === 'none') continue;
    const vpn = rmapVpn(key);
    const put = ptep_clear_mapped(k, p, vpn, 'try_to_unmap_one');
    if (put >= 0) batch.push(put);
    p.ptes.set(vpn, { kind: 'hwpoison', pfn, write: false });
  }
  if (d.kill === 'mappers') {
    for (const num of [...mappers].sort((x, y) => x - y)) {
      const p = k.procs.get(num);
      if (!p) continue;
      p.sigbus++;
      k.events.push({ ev: 'sigbus', proc: `p${num}`, pfn });
    }
  }
  const file = m.file[slot] ?? -1;
  if (file >= 0) {
    const index = m.fileIndex[slot] ?? -1;
    const f = k.files.get(file);
    f?.pages.delete(index);
    k.ghost.forget(file, index, f?.stored.get(index));
    folio_cancel_dirty(k, slot);
    m.file[slot] = -1;
    m.fileIndex[slot] = -1;
    batch.push(slot);
  }
  release_pages(k, batch);
}
