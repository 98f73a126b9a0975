// free-once: the type's free path (page_free / folio_free, the FS_DAX idle
// wake-up, the reset to one, the buddy free) runs exactly once per allocation.
// allocs and frees are counted in the state, so a missed free (a leak: the
// driver never gets its page back, BUG-02) and a double free (a put that
// reaches the threshold twice, BUG-03) both break frees = allocs - inUse.
import { ZERO_PFN } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import type { Invariant } from './invariant.ts';

export const freeOnce: Invariant = {
  id: 'free-once',
  statement: "the folio's free path (free_zone_device_folio → pgmap->ops->page_free, or __folio_put to the buddy allocator) runs exactly once per allocation",
  guards: [
    'mm/memremap.c: free_zone_device_folio',
    'mm/swap.c: __folio_put',
    'mm/swap.c: release_pages',
    'mm/gup.c: gup_put_folio',
  ],
  check(after) {
    const out: string[] = [];
    for (const frame of Object.values(after.state.frames)) {
      // The zero page is in use from boot, never allocated, never freed.
      if (frame.pfn === ZERO_PFN) continue;
      const want = frame.allocs - (frame.inUse ? 1 : 0);
      if (frame.frees === want) continue;
      const why = frame.frees > want ? 'freed more than once per allocation' : 'a free was missed';
      out.push(
        `${frameLabel(frame)}: ${frame.frees} frees for ${frame.allocs} allocations while ${frame.inUse ? 'in use' : 'free'} (expected ${want} frees): ${why}`,
      );
    }
    return out;
  },
};
