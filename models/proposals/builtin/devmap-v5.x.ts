// devmap-v5.x
//
// Title:  The devmap kernel before coherent device memory (v5.10–v5.17)
// Source: mm/memremap.c @8bb5e7f4 (S-5.18-c); KERNEL-SEMANTICS §1.3, §1.4,
//         §2.1, §3.3, §5, §6.
//
// v5.x as merged, no hook overrides: DEVICE_PUBLIC is gone (v5.3), the types
// are PRIVATE, FS_DAX, GENERIC and PCI_P2PDMA, ZONE_DEVICE pages still carry
// the extra reference and are freed at 1 (__put_devmap_managed_page), pgmap
// owners are checked, and BUG-22 is fixed. It is the baseline the
// DEVICE_COHERENT series was written against: with no CPU-mapped migratable
// device memory there is nothing to pin long-term, and
// migrate_vma_check_page's `return is_device_private_page(page)` is safe
// because GUP faults a device-private page back to RAM instead of taking a
// reference on it.
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

export const devmapV5x: BuiltinProposal = {
  name: 'devmap-v5.x',
  title: 'devmap kernel before coherent device memory (v5.10–v5.17)',
  source: 'mm/memremap.c @8bb5e7f4 (S-5.18-c); KERNEL-SEMANTICS §1.3, §2.1, §3.3',
  extends: null,
  baseEra: 'v5.x',
  summary:
    'v5.x as merged: PRIVATE, FS_DAX, GENERIC and PCI_P2PDMA; ZONE_DEVICE pages freed at refcount 1; ' +
    'pgmap owners checked; BUG-22 fixed. No coherent type exists, so nothing CPU-mapped and migratable ' +
    'can be pinned, and migrate_vma_check_page returning is_device_private_page is safe.',
  expected: ALL_HOLD,
};
