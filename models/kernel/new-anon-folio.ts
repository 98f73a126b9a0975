// A new anonymous folio in system RAM (mm/memory.c do_anonymous_page,
// do_cow_fault, wp_page_copy): charged, anon-rmapped, and on the LRU where
// the proposal's folio_add_lru puts it.
import { folioView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import type { KernelState } from './kstate.ts';
import { mem_cgroup_charge } from './memcontrol.ts';
import { PG_anon, PG_lru } from './memmap.ts';

/** mem_cgroup_charge + folio_add_new_anon_rmap's anon flag + folio_add_lru for a new anon folio. */
export function new_anon_folio(k: KernelState, slot: number, memcg: number): void {
  mem_cgroup_charge(k, slot, memcg);
  k.mem.set(slot, PG_anon, true);
  if (k.hooks.folio_add_lru(folioView(k, slot), NO_CTX)) k.mem.set(slot, PG_lru, true);
}
