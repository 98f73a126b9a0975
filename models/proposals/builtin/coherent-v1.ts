// coherent-v1
//
// Title:  mm: add zone device coherent type memory support (series v1)
// Source: seed 000_025eb62078c52e65.txt: Alex Sierra's patch of 16 Nov 2021
//         with Alistair Popple's review and Felix Kuehling's reply (18 Nov).
//
// MEMORY_DEVICE_COHERENT as first posted, on the v5.x kernel: a new enum
// slot 2 (FS_DAX, GENERIC, PCI_P2PDMA move up), and `is_device_page()`
// (PRIVATE || COHERENT) everywhere the kernel said is_device_private_page:
// page_is_devmap_managed and free_devmap_managed_page (freed at 1 to the
// driver), expected_page_refs (+1), get_mctgt_type (MC_TARGET_DEVICE),
// memory_failure_dev_pagemap (refused) — all of which the era profile with
// COHERENT added already decides — and migrate_vma_check_page, which now
// returns is_device_page(page) for every ZONE_DEVICE page (the era's
// migrateCheck 'device-always'): a coherent page always passes the
// pre-check, but folio_migrate_mapping (migrate_page_move_mapping in v5.x)
// still wants the exact expected count, so a coherent page with a
// get_user_pages reference or a pin is refused (-EAGAIN) and stays where it
// is: pinned-not-migrated holds (Alistair's worry in the review, "we can't
// just assume they aren't pinned", is about the pre-check). Nothing stops
// get_user_pages from pinning a coherent page, long-term included:
// is_pinnable_page has no coherent check ("I can't see anything in this
// series that prevents pinning of coherent device pages", Alistair).
//
// Result:
//   refcount-expected          holds
//   free-once                  holds
//   no-use-after-free          holds
//   no-longterm-pin-coherent   violated
//   gup-contract               holds
//   coherent-evictable         violated
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
import { COHERENT_V1_ERA } from './coherent-v1-era.ts';
import { ALL_HOLD } from './all-hold.ts';

export const coherentV1: BuiltinProposal = {
  name: 'coherent-v1',
  title: 'mm: add zone device coherent type memory support (DEVICE_COHERENT v1)',
  source: 'seed 000_025eb62078c52e65.txt (Alex Sierra, 16 Nov 2021; review by Alistair Popple and Felix Kuehling)',
  extends: null,
  baseEra: 'v5.x',
  era: COHERENT_V1_ERA,
  hooks: {
    // is_pinnable_page (v5.x) refuses only ZONE_MOVABLE and CMA pages, which
    // the model does not have; v1 adds no coherent check, so every folio is
    // long-term pinnable and __gup_longterm_locked keeps the pin.
    folio_is_longterm_pinnable: () => true,
  },
  summary:
    'DEVICE_COHERENT as first posted on v5.x: is_device_page() (PRIVATE || COHERENT) replaces ' +
    'is_device_private_page in page_is_devmap_managed, expected_page_refs, migrate_vma_check_page and ' +
    'get_mctgt_type; a coherent page always passes migrate_vma_check_page (folio_migrate_mapping still ' +
    'refuses one with unexpected references); nothing stops ' +
    'get_user_pages from long-term pinning a coherent page.',
  expected: {
    ...ALL_HOLD,
    'no-longterm-pin-coherent': 'violated',
    'coherent-evictable': 'violated',
  },
  why: {
    'no-longterm-pin-coherent':
      'is_pinnable_page has no coherent check and __gup_longterm_locked never looks at the memory type: ' +
      'pin_user_pages(FOLL_LONGTERM) on a coherent page succeeds. Alistair: "I can\'t see anything in this ' +
      'series that prevents pinning of coherent device pages"; Felix: "we\'ll want to avoid FOLL_LONGTERM ' +
      'because that would affect our memory manager\'s ability to evict device memory".',
    'coherent-evictable': 'A long-term pin is never dropped, so the pinned coherent page keeps its pgmap reference: the ' + 'driver cannot get it back and memunmap_pages waits for ever.',
  },
};
