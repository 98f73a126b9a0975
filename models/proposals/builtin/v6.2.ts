// v6.2
//
// Title:  v6.2–v6.12: charge moving no longer moves device-private pages
// Source: the v6.2 era profile (models/eras/v6.2.ts): "mm: memcontrol: skip
//         moving non-present pages that are mapped elsewhere" (Johannes
//         Weiner, 20221206171340.139790-2-hannes@cmpxchg.org); charge moving
//         itself removed in v6.13.
//
// The kernels between v6.1 and the removal of cgroup-v1 charge moving: v6.1's
// device-page counting (idle at zero, a pgmap reference per allocated page,
// migrate_device_range) with move_charge_at_immigrate still there, but
// get_mctgt_type now gives MC_TARGET_NONE for a page it found through a
// non-present entry while page_mapped(). The patch is about swap and page
// cache ("the page is shared, and another process seems to be the more
// active user"), but a device-private entry is non-present and is itself a
// mapping of its page, so every device-private page keeps its charge in the
// memcg the task left — BUG-22's outcome again, by another route.
// Device-coherent pages (present PTEs) still move as MC_TARGET_DEVICE. No
// hook overrides: every decision is the era profile's. The two memcg
// invariants state what charge moving promises (device pages are
// MC_TARGET_DEVICE, charges follow the task), so they are violated here as
// they are for hmm-v4.14's BUG-22 — by the kernel as merged.
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
//   memcg-charge-conserved     violated
//   memcg-target               violated
//   memory-failure-contract    holds
//   data-preserved             holds
//   dax-layout-idle            holds
//   device-not-on-lru          holds
//   pgmap-ref-balanced         holds
//   owner-isolation            holds
import type { BuiltinProposal } from '../proposal.ts';
import { ALL_HOLD } from './all-hold.ts';

export const v62: BuiltinProposal = {
  name: 'v6.2',
  title: 'v6.2–v6.12: charge moving skips non-present pages mapped elsewhere (device-private pages stay charged)',
  source:
    'the v6.2 era profile (models/eras/v6.2.ts): "mm: memcontrol: skip moving non-present pages that are mapped elsewhere" ' +
    '(20221206171340.139790-2-hannes@cmpxchg.org); charge moving removed in v6.13',
  extends: null,
  baseEra: 'v6.2',
  summary:
    'v6.1 with cgroup-v1 charge moving still present, where get_mctgt_type returns MC_TARGET_NONE for a page found ' +
    'through a non-present entry that is mapped: a device-private entry always is (it maps the page itself), so ' +
    'device-private pages keep their charge in the old memcg; device-coherent pages still move.',
  expected: { ...ALL_HOLD, 'memcg-target': 'violated', 'memcg-charge-conserved': 'violated' },
  why: {
    'memcg-target':
      'get_mctgt_type (mm/memcontrol-v1.c): "if (!pte_present(ptent) && page_mapped(page))" → MC_TARGET_NONE. ' +
      'mc_handle_swap_pte returns the page behind a device-private entry, and that entry is itself one of its ' +
      'mappings, so a device-private page charged to mc.from is classified NONE instead of MC_TARGET_DEVICE.',
    'memcg-charge-conserved':
      "With move_charge_at_immigrate, a moved task's device-private pages keep their charge in the memcg it left " +
      '(mem_cgroup_move_account never runs for them); their uncharge at free then hits that memcg — ' +
      "BUG-22's outcome again (9a137153fc87 had made them move in v5.10).",
  },
};
