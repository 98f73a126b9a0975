// free-once: the type's free path (page_free / folio_free, the FS_DAX idle
// wake-up, the reset to one, the buddy free) runs exactly once per
// allocation. allocs and frees are counted in the state, so a double free
// (a put that reaches the threshold twice, BUG-03) breaks frees = allocs −
// inUse; and a frame still in use that nothing holds any more — no
// mapping that counts, no GUP reference or pin, no page cache — missed its
// free (a put that skipped the type's path: BUG-01, BUG-02).
import type { AbsFrame } from '../state.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { counting } from './counting.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { framesOf } from './mappings.ts';
import { frameScope } from './frame-scope.ts';
import { users, usersText } from './users.ts';

export const freeOnce: Invariant = {
  id: 'free-once',
  statement: "the folio's free path (free_zone_device_folio → pgmap->ops->page_free, or __folio_put to the buddy allocator) runs exactly once per allocation, when its last user goes",
  guards: ['mm/memremap.c: free_zone_device_folio', 'mm/swap.c: __folio_put', 'mm/swap.c: release_pages', 'mm/gup.c: gup_put_folio'],
  clauses: [
    { id: 'count', statement: 'a frame has been freed once per allocation, but for the one it is in now', when: 'always' },
    { id: 'missed', statement: 'a frame in use has a user: a counted mapping, a GUP reference or pin, or the page cache' },
  ],
  check(after, _before, step) {
    const out: Violation[] = [];
    for (const frame of frameScope(after, step)) {
      // The zero page is in use from boot, never allocated, never freed.
      if (frame.pfn === ZERO_PFN) continue;
      const want = frame.allocs - (frame.inUse ? 1 : 0);
      if (frame.frees !== want) {
        const why = frame.frees > want ? 'freed more than once per allocation' : 'a free was missed';
        out.push(violation('count', `${frameLabel(frame)}: ${frame.frees} frees for ${frame.allocs} allocations while ${frame.inUse ? 'in use' : 'free'} (expected ${want} frees): ${why}`));
      }
      if (!frame.inUse) continue;
      const u = users(after.state, frame.pfn);
      const held = (counting(after.era, frame.type).mapsCount ? u.maps : 0) + u.refs + u.pins + Number(u.pagecache);
      if (held === 0) out.push(violation('missed', `${frameLabel(frame)}: in use, but nothing holds it (${usersText(u)}): its free path never ran`));
    }
    return out;
  },
  // Some frame (but the zero page) is in use, or was ever allocated or
  // freed. The first system frame (the lowest free pfn goes first) and the
  // frames a process maps are looked at first: most often one of them says
  // so, without going through every frame.
  applies(after) {
    const { frames, procs } = after.state;
    const counted = (frame: AbsFrame | undefined) => frame !== undefined && frame.pfn !== ZERO_PFN && (frame.inUse || frame.allocs > 0 || frame.frees > 0);
    if (counted(frames[ZERO_PFN + 1])) return true;
    for (const p of Object.values(procs)) for (const pte of Object.values(p.ptes)) if (counted(frames[pte.pfn])) return true;
    for (const frame of framesOf(after.state)) if (counted(frame)) return true;
    return false;
  },
};
