// pgmap-ref-balanced: pgmap->ref is what memunmap_pages waits on, so every
// get_dev_pagemap / zone_device_page_init reference must be dropped
// (KERNEL-SEMANTICS §2.4, BUG-28); and a range whose teardown completed has
// no page left in use.
import { expectedPgmapRef } from '../derive/expected-counters.ts';
import type { AbsPgmap } from '../state.ts';
import type { PgmapId } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import type { Invariant } from './invariant.ts';

export const pgmapRefBalanced: Invariant = {
  id: 'pgmap-ref-balanced',
  statement: 'pgmap->ref holds the initial reference until percpu_ref_kill, one per pfn (or per allocated page for MEMORY_DEVICE_PRIVATE/COHERENT since v6.1) and nothing else; memunmap_pages completes only when no page is in use',
  guards: [
    'mm/memremap.c: memremap_pages',
    'mm/memremap.c: memunmap_pages',
    'mm/memremap.c: zone_device_page_init',
    'mm/memremap.c: free_zone_device_folio',
    'mm/memremap.c: get_dev_pagemap',
  ],
  check(after) {
    const { state, era } = after;
    const out: string[] = [];
    for (const [id, pgmap] of Object.entries(state.pgmaps) as [PgmapId, AbsPgmap][]) {
      const want = expectedPgmapRef(era, state, pgmap);
      const got = after.pgmapRefs[id];
      const phase = pgmap.removed ? 'removed' : pgmap.killed ? 'killed' : 'live';
      if (got !== want) out.push(`${id} (${pgmap.type}, ${phase}): pgmap->ref ${got ?? 'missing'}, expected ${want}`);
      if (!pgmap.removed) continue;
      for (let i = 0; i < pgmap.npages; i++) {
        const frame = state.frames[pgmap.start + i];
        if (frame?.inUse) out.push(`${frameLabel(frame)}: in use although memunmap_pages(${id}) completed`);
      }
    }
    return out;
  },
};
