// refcount-expected: the struct-page counters match what the era's counting
// rules (counting.ts) give for the frame's users. A wrong free threshold, a
// put path that skips the type's hook (BUG-01, BUG-02) or a reference taken
// and never dropped all show up here — last in judge order, since almost
// any mistake shows here too, less precisely than in the rule it broke.
import { GUP_PIN_COUNTING_BIAS, ZERO_PFN } from '../vocabulary.ts';
import { counting } from './counting.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { framesOf } from './mappings.ts';
import { frameScope } from './frame-scope.ts';
import { users, usersText } from './users.ts';

// The message's tail, built only for a violation: the check runs for every frame at every step.
const stateText = (inUse: boolean, u: ReturnType<typeof users>): string => `${inUse ? 'in use' : 'free'}; ${usersText(u)}`;

export const refcountExpected: Invariant = {
  id: 'refcount-expected',
  statement:
    'folio_ref_count, folio_mapcount and the pin count of every folio equal what its mappings, FOLL_GET references, FOLL_PIN pins (GUP_PIN_COUNTING_BIAS each), page cache and idle base give under the era',
  guards: [
    'mm/gup.c: try_grab_folio',
    'mm/gup.c: gup_put_folio',
    'mm/memremap.c: zone_device_page_init',
    'mm/memremap.c: free_zone_device_folio',
    'mm/memory.c: zap_pte_range',
    'mm/migrate_device.c: migrate_vma_insert_page',
  ],
  clauses: [
    {
      id: 'refcount',
      statement: "folio_ref_count is the type's idle count when free, else its base plus one per counted mapping and FOLL_GET reference, GUP_PIN_COUNTING_BIAS per pin and one for the page cache",
    },
    { id: 'mapcount', statement: 'folio_mapcount is the number of PTEs mapping the frame (present, devmap, device-private, device-exclusive)', when: 'always' },
    { id: 'pincount', statement: 'the pin count is the number of FOLL_PIN pins', when: 'always' },
  ],
  check(after, _before, step) {
    const out: Violation[] = [];
    for (const frame of frameScope(after, step)) {
      // my_zero_pfn is not refcounted by GUP or mappings: nothing to compare.
      if (frame.pfn === ZERO_PFN) continue;
      const c = after.counters[frame.pfn];
      if (!c) {
        out.push(violation('refcount', `${frameLabel(frame)}: no counters in the view`));
        continue;
      }
      const u = users(after.state, frame.pfn);
      const rule = counting(after.era, frame.type);
      const want = frame.inUse ? rule.base + (rule.mapsCount ? u.maps : 0) + u.refs + u.pins * GUP_PIN_COUNTING_BIAS + Number(u.pagecache) : rule.idle;
      if (c.refcount !== want) out.push(violation('refcount', `${frameLabel(frame)}: refcount ${c.refcount}, expected ${want} (${stateText(frame.inUse, u)})`));
      if (c.mapcount !== u.maps) out.push(violation('mapcount', `${frameLabel(frame)}: mapcount ${c.mapcount}, expected ${u.maps} (${stateText(frame.inUse, u)})`));
      if (c.pincount !== u.pins) out.push(violation('pincount', `${frameLabel(frame)}: pincount ${c.pincount}, expected ${u.pins} (${stateText(frame.inUse, u)})`));
    }
    return out;
  },
  // Some frame but the zero page exists: every frame's counters are judged
  // (pfn 1, the first system frame after it, is looked at first).
  applies(after) {
    const { frames } = after.state;
    if (frames[ZERO_PFN + 1] !== undefined) return true;
    for (const frame of framesOf(after.state)) if (frame.pfn !== ZERO_PFN) return true;
    return false;
  },
};
