// v6.2–v6.12: v6.1's device-page counting with cgroup-v1 charge moving still
// present, but get_mctgt_type no longer moves a page found through a
// non-present entry while it is mapped: Johannes Weiner's "mm: memcontrol:
// skip moving non-present pages that are mapped elsewhere" (posted 6 Dec
// 2022, <20221206171340.139790-2-hannes@cmpxchg.org>, so it could not land
// before the v6.2 merge window). Read in mm/memcontrol-v1.c as the v6.13
// removal ("memcg-v1: remove charge move code") deletes it:
//   if (target && page) { ... if (!pte_present(ptent) && page_mapped(page))
//   { folio_unlock(folio); folio_put(folio); return ret; } }
// mc_handle_swap_pte returns the page behind a device-private entry, and
// that entry is one of the page's mappings (its rmap is added by
// migrate_vma_insert_page / remove_migration_pte / fork's dup), so
// page_mapped() is always true there: every device-private page is
// MC_TARGET_NONE when the charge is moved and keeps its charge in mc.from.
// Device-coherent pages are reached through present PTEs and still move
// (MC_TARGET_DEVICE).
import type { Era } from './era.ts';
import { v6_1 } from './v6.1.ts';

export const v6_2: Era = {
  ...v6_1,
  name: 'v6.2',
  title: 'v6.2–v6.12: charge moving skips non-present pages mapped elsewhere (device-private pages stay charged)',
  mcSkipsMappedNonPresent: true,
  // p2pmem_alloc_mmap: "PCI/P2PDMA: Allow userspace VMA allocations through
  // sysfs" (Logan Gunthorpe's userspace P2PDMA series, ~v6.2, [mem] as in
  // KERNEL-SEMANTICS §4.4).
  p2pdmaUserMap: true,
  citations: [
    '[PATCH 1/3] mm: memcontrol: skip moving non-present pages that are mapped elsewhere (20221206171340.139790-2-hannes@cmpxchg.org)',
    'mm/memcontrol-v1.c get_mctgt_type as removed by "memcg-v1: remove charge move code" (v6.13)',
    'KERNEL-SEMANTICS §4.4, §5',
  ],
};
