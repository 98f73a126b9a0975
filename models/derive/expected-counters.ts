// The counters the era's rules expect, given who uses a frame or a pgmap.
// The reference reports these as its counters; the refcount-expected,
// pgmap-ref-balanced and memcg-charge-conserved invariants compare a view's
// counters with them.
import type { Era } from '../eras/era.ts';
import type { AbsFrame, AbsPgmap, AbsState } from '../state.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { GUP_PIN_COUNTING_BIAS, type MemcgId, ZERO_PFN } from '../vocabulary.ts';
import type { FrameUsers } from './frame-users.ts';

/**
 * folio_ref_count as the era counts it: idle count when free, otherwise the
 * type's base plus one per counted mapping (a devmap-era DAX PTE takes none),
 * one per FOLL_GET, GUP_PIN_COUNTING_BIAS per FOLL_PIN (try_grab_folio,
 * small folio), one for the page cache.
 * The zero page is never counted here (my_zero_pfn is not refcounted by GUP).
 */
export function expectedRefcount(era: Era, frame: AbsFrame, u: FrameUsers): number {
  if (frame.pfn === ZERO_PFN) return 0;
  const rule = TYPE_RULES[frame.type].refcount(era);
  if (!frame.inUse) return rule.idle;
  return rule.base + (rule.mapsTakeRef ? u.maps : 0) + u.refs + u.pins * GUP_PIN_COUNTING_BIAS + u.pagecache;
}

/**
 * pgmap->ref: the initial reference until percpu_ref_kill, one per pfn where
 * memremap_pages takes them up front, one per allocated page where
 * zone_device_page_init takes them (v6.1 PRIVATE/COHERENT).
 */
export function expectedPgmapRef(era: Era, state: AbsState, pgmap: AbsPgmap): number {
  if (pgmap.removed) return 0;
  const perAlloc = TYPE_RULES[pgmap.type].pgmapRefPerAlloc(era);
  // percpu_ref_get_many(&pgmap->ref, pfn_len): the reserved (altmap) pfns take none.
  const live = pgmap.killed ? 0 : 1 + (perAlloc ? 0 : pgmap.npages - (pgmap.reserved ?? 0));
  let allocated = 0;
  if (perAlloc) {
    for (let i = 0; i < pgmap.npages; i++) if (state.frames[pgmap.start + i]?.inUse) allocated++;
  }
  return live + allocated;
}

/** Pages charged to each memcg: the frames whose folio_memcg it is. */
export function expectedMemcgUsage(state: AbsState): Record<MemcgId, number> {
  const usage: Record<MemcgId, number> = {};
  for (const m of state.memcgs) usage[m] = 0;
  for (const f of Object.values(state.frames)) if (f.memcg !== null) usage[f.memcg] = (usage[f.memcg] ?? 0) + 1;
  return usage;
}

/** folio_test_lru: in-use system RAM (not the zero page); never ZONE_DEVICE (§8). */
export function expectedLru(frame: AbsFrame): boolean {
  return frame.inUse && frame.pfn !== ZERO_PFN && TYPE_RULES[frame.type].onLru;
}
