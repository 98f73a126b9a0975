// pgmap-ref-balanced: pgmap->ref is what memunmap_pages waits on, so every
// reference taken must be dropped (KERNEL-SEMANTICS §2.4, BUG-28); and a
// range whose teardown completed has no page left in use. The count, from
// the era's declared pgmap reference scheme (era.pgmapRef):
// - the initial reference (percpu_ref_init) until percpu_ref_kill;
// - 'per-pfn': one per pfn past the reserved ones (the altmap: pagemap_range
//   takes percpu_ref_get_many(pfn_len), which starts at pfn_first), taken by
//   memremap_pages and dropped by memunmap_pages;
// - 'per-alloc' (0dc45ca1ce18, v6.1): for MEMORY_DEVICE_PRIVATE and
//   COHERENT one per allocated page (zone_device_page_init ↔
//   free_zone_device_folio); the other types keep one per pfn.
// The count is judged when no thread is in flight (a paused free holds the
// page's reference past its page_free); `removed-idle` at every
// interleaving point too: once teardown completed, the struct pages and the
// driver's state behind them are gone, whatever is still running.
import type { Era } from '../eras/era.ts';
import type { AbsPgmap, AbsState } from '../state.ts';
import type { PgmapId } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';

function expectedRef(era: Era, state: AbsState, pgmap: AbsPgmap): number {
  if (pgmap.removed) return 0;
  const perAlloc = era.pgmapRef === 'per-alloc' && (pgmap.type === 'PRIVATE' || pgmap.type === 'COHERENT');
  let n = pgmap.killed ? 0 : 1 + (perAlloc ? 0 : pgmap.npages - (pgmap.reserved ?? 0));
  if (perAlloc) for (let i = 0; i < pgmap.npages; i++) if (state.frames[pgmap.start + i]?.inUse) n++;
  return n;
}

export const pgmapRefBalanced: Invariant = {
  id: 'pgmap-ref-balanced',
  statement:
    'pgmap->ref holds the initial reference until percpu_ref_kill, one per pfn (or per allocated page for MEMORY_DEVICE_PRIVATE/COHERENT since v6.1) and nothing else; memunmap_pages completes only when no page is in use',
  guards: ['mm/memremap.c: memremap_pages', 'mm/memremap.c: memunmap_pages', 'mm/memremap.c: zone_device_page_init', 'mm/memremap.c: free_zone_device_folio', 'mm/memremap.c: get_dev_pagemap'],
  clauses: [
    { id: 'ref', statement: "pgmap->ref is the initial reference while live plus the era's per-pfn or per-allocation references" },
    { id: 'removed-idle', statement: 'no page of a pgmap whose memunmap_pages completed is in use', when: 'always' },
  ],
  check(after) {
    const { state, era } = after;
    const out: Violation[] = [];
    for (const [id, pgmap] of Object.entries(state.pgmaps) as [PgmapId, AbsPgmap][]) {
      const want = expectedRef(era, state, pgmap);
      const got = after.pgmapRefs[id];
      const phase = pgmap.removed ? 'removed' : pgmap.killed ? 'killed' : 'live';
      if (got !== want) out.push(violation('ref', `${id} (${pgmap.type}, ${phase}): pgmap->ref ${got ?? 'missing'}, expected ${want}`));
      if (!pgmap.removed) continue;
      for (let i = 0; i < pgmap.npages; i++) {
        const frame = state.frames[pgmap.start + i];
        if (frame?.inUse) out.push(violation('removed-idle', `${frameLabel(frame)}: in use although memunmap_pages(${id}) completed`));
      }
    }
    return out;
  },
  // Some dev_pagemap exists (live, killed or removed).
  applies(after) {
    for (const _ in after.state.pgmaps) return true;
    return false;
  },
};
