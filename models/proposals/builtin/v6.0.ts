// v6.0
//
// Title:  v6.0: DEVICE_COHERENT merged; long-term pins migrate the page out
// Source: the v6.0 era profile (models/eras/v6.0.ts): DEVICE_COHERENT with
//         "mm/gup: migrate device coherent pages when pinning instead of failing"
//         (BUG-18 closed), free at zero then reset to one (27674ef6c73f).
//
// DEVICE_COHERENT as merged in v6.0: MEMORY_DEVICE_COHERENT at enum slot 2,
// vm_normal_page returning coherent pages, FOLL_LONGTERM migrating a coherent
// page to system RAM (migrate_device_coherent_page; -EBUSY if it cannot move)
// before pinning the copy, and device pages freed at refcount 0 then reset to
// 1 (free_zone_device_page, 27674ef6c73f). No hook overrides: every decision
// is the era profile's.
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

export const v60: BuiltinProposal = {
  name: 'v6.0',
  title: 'v6.0: DEVICE_COHERENT merged; long-term pins migrate the page out',
  source:
    'the v6.0 era profile (models/eras/v6.0.ts): DEVICE_COHERENT with "mm/gup: migrate device coherent pages when pinning instead of failing" (BUG-18 closed), free at zero then reset to one (27674ef6c73f)',
  extends: null,
  baseEra: 'v6.0',
  summary:
    'DEVICE_COHERENT as merged in v6.0: MEMORY_DEVICE_COHERENT at enum slot 2, vm_normal_page returning coherent pages, FOLL_LONGTERM migrating a coherent page to system RAM (migrate_device_coherent_page; -EBUSY if it cannot move) before pinning the copy, and device pages freed at refcount 0 then reset to 1 (free_zone_device_page, 27674ef6c73f).',
  expected: ALL_HOLD,
};
