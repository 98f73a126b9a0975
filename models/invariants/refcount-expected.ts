// refcount-expected: the struct-page counters match what the era's counting
// rules derive from the abstract state (models/derive/expected-counters.ts).
// A wrong free threshold, a put path that skips the type's hook (BUG-01,
// BUG-02) or a reference taken and never dropped all show up here first.
import { expectedRefcount } from '../derive/expected-counters.ts';
import { NO_USERS, settledFrameUsers } from '../derive/frame-users.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { frameLabel, usersText } from './describe.ts';
import type { Invariant } from './invariant.ts';

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
  check(after) {
    const out: string[] = [];
    const users = settledFrameUsers(after.state);
    for (const frame of Object.values(after.state.frames)) {
      // my_zero_pfn is not refcounted by GUP or mappings: nothing to compare.
      if (frame.pfn === ZERO_PFN) continue;
      const label = frameLabel(frame);
      const c = after.counters[frame.pfn];
      if (!c) {
        out.push(`${label}: no counters in the view`);
        continue;
      }
      const u = users.get(frame.pfn) ?? NO_USERS;
      const want = expectedRefcount(after.era, frame, u);
      const state = `${frame.inUse ? 'in use' : 'free'}; ${usersText(u)}`;
      if (c.refcount !== want) out.push(`${label}: refcount ${c.refcount}, expected ${want} (${state})`);
      if (c.mapcount !== u.maps) out.push(`${label}: mapcount ${c.mapcount}, expected ${u.maps} (${state})`);
      if (c.pincount !== u.pins) out.push(`${label}: pincount ${c.pincount}, expected ${u.pins} (${state})`);
    }
    return out;
  },
};
