// device-not-on-lru: ZONE_DEVICE pages "always have an elevated count and
// will never be on an lru reclaim list" (v4.5, KERNEL-SEMANTICS §8); mlock,
// NUMA balancing, reclaim and memcg all rely on it. The 2016 coherent-device
// NUMA RFC (seed 002) broke it by design. And the LRU holds live, charged
// folios only: BUG-15 put the folio about to be freed — with its charge
// already moved to the other one — back on the LRU in
// migrate_device_finalize.
import type { AbsFrame } from '../state.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { framesOf } from './mappings.ts';
import { frameScope } from './frame-scope.ts';

export const deviceNotOnLru: Invariant = {
  id: 'device-not-on-lru',
  statement: 'a ZONE_DEVICE folio is never on an LRU list, nor a free or an uncharged one, and a charged system folio in use is',
  guards: ['mm/migrate_device.c: migrate_vma_insert_page', 'mm/migrate_device.c: migrate_device_finalize', 'mm/swap.c: folio_add_lru'],
  clauses: [
    { id: 'device', statement: 'folio_test_lru is false for every ZONE_DEVICE page' },
    { id: 'free', statement: 'a free folio is not on an LRU list' },
    // The reference derives LRU membership from being in use; it has no
    // isolation of its own to judge (a migrated-from folio held by GUP is off
    // the LRU in the kernel).
    { id: 'uncharged', statement: 'every folio on an LRU list is charged to a memcg (BUG-15)', sides: 'kernel', when: 'always' },
    // folio_add_lru for every new anon and page-cache folio; without it
    // reclaim never sees the page (a poisoned one is taken off).
    { id: 'system-on-lru', statement: 'a charged, unpoisoned system folio in use is on an LRU list' },
  ],
  check(after, _before, step) {
    const out: Violation[] = [];
    for (const frame of frameScope(after, step)) {
      if (after.counters[frame.pfn]?.lru !== true) {
        if (frame.type === 'SYSTEM' && frame.inUse && frame.memcg !== null && !frame.hwpoison)
          out.push(violation('system-on-lru', `${frameLabel(frame)}: in use and charged to ${frame.memcg}, but on no LRU list`));
        continue;
      }
      if (frame.type !== 'SYSTEM') out.push(violation('device', `${frameLabel(frame)}: on the LRU`));
      else if (!frame.inUse) out.push(violation('free', `${frameLabel(frame)}: free, yet on the LRU`));
      else if (frame.memcg === null && frame.pfn !== ZERO_PFN) out.push(violation('uncharged', `${frameLabel(frame)}: on the LRU but charged to no memcg`));
    }
    return out;
  },
  // Some folio is on an LRU list, or is a charged system folio in use that
  // must be. The first system frame (the lowest free pfn goes first) and the
  // frames a process maps are looked at first: most often one of them says
  // so, without going through every frame.
  applies(after) {
    const { frames, procs } = after.state;
    const judged = (frame: AbsFrame | undefined) =>
      frame !== undefined && ((frame.type === 'SYSTEM' && frame.inUse && frame.memcg !== null && !frame.hwpoison) || after.counters[frame.pfn]?.lru === true);
    if (judged(frames[ZERO_PFN + 1])) return true;
    for (const p of Object.values(procs)) for (const pte of Object.values(p.ptes)) if (judged(frames[pte.pfn])) return true;
    for (const frame of framesOf(after.state)) if (judged(frame)) return true;
    return false;
  },
};
