// device-not-on-lru: ZONE_DEVICE pages "always have an elevated count and
// will never be on an lru reclaim list" (v4.5, KERNEL-SEMANTICS §8); mlock,
// NUMA balancing, reclaim and memcg all rely on it (BUG-15). The 2016
// coherent-device NUMA RFC (seed 002) broke it by design.
import { TYPE_RULES } from '../type-rules.ts';
import { frameLabel } from './describe.ts';
import type { Invariant } from './invariant.ts';

export const deviceNotOnLru: Invariant = {
  id: 'device-not-on-lru',
  statement: 'a ZONE_DEVICE folio is never on an LRU list: folio_test_lru is false for every device page',
  guards: [
    'mm/migrate_device.c: migrate_vma_insert_page',
    'mm/migrate_device.c: migrate_device_finalize',
    'mm/swap.c: folio_add_lru',
  ],
  check(after) {
    const out: string[] = [];
    for (const frame of Object.values(after.state.frames)) {
      if (!TYPE_RULES[frame.type].onLru && after.counters[frame.pfn]?.lru === true) out.push(`${frameLabel(frame)}: on the LRU`);
    }
    return out;
  },
};
