// v6.1
//
// Title:  v6.1: idle refcount zero; pgmap reference per allocated page
// Source: the v6.1 era profile (models/eras/v6.1.ts): ef233450898f,
//         0dc45ca1ce18, e778406b40db (mm-stable, Oct 2022).
//
// Alistair Popple's series as merged in v6.1: free device-private and
// coherent pages sit at refcount 0 and zone_device_page_init raises them to 1
// (ef233450898f), each allocated page holds one pgmap reference dropped in
// free_zone_device_folio (0dc45ca1ce18), and drivers evict with
// migrate_device_range (e778406b40db). No hook overrides: every decision is
// the era profile's.
// pinned-not-migrated holds only within the kernel's one-reference slack: see
// the note in upstream.ts.
//
// Result:
//   refcount-expected          holds
//   free-once                  holds
//   no-use-after-free          holds
//   no-longterm-pin-coherent   holds
//   gup-contract               holds
//   coherent-evictable         holds
//   private-not-cpu-mapped     holds
//   pinned-not-migrated        holds
//   memcg-charge-conserved     holds
//   memcg-target               holds
//   memory-failure-contract    holds
//   data-preserved             holds
//   dax-layout-idle            holds
//   device-not-on-lru          holds
//   pgmap-ref-balanced         holds
//   owner-isolation            holds
import type { BuiltinProposal } from '../proposal.ts';
import { ALL_HOLD } from './all-hold.ts';

export const v61: BuiltinProposal = {
  name: 'v6.1',
  title: 'v6.1: idle refcount zero; pgmap reference per allocated page',
  source: 'the v6.1 era profile (models/eras/v6.1.ts): ef233450898f, 0dc45ca1ce18, e778406b40db (mm-stable, Oct 2022)',
  extends: null,
  baseEra: 'v6.1',
  summary:
    "Alistair Popple's series as merged in v6.1: free device-private and coherent pages sit at refcount 0 and zone_device_page_init raises them to 1 (ef233450898f), each allocated page holds one pgmap reference dropped in free_zone_device_folio (0dc45ca1ce18), and drivers evict with migrate_device_range (e778406b40db).",
  expected: ALL_HOLD,
};
