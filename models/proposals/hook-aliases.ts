// Older or neighbouring kernel names of the functions whose decisions the
// hooks replace. Someone porting a series written against an older kernel
// names the function of that kernel (is_pinnable_page, not
// folio_is_longterm_pinnable); edit distance cannot find those, so an unknown
// hook name is looked up here first. Only for suggestions: a proposal must
// still use the hook's own name.
import type { HookName } from '../kernel/hooks.ts';

export const HOOK_ALIASES: Readonly<Record<string, HookName>> = {
  // include/linux/mm.h: is_pinnable_page (≤ v5.19), is_longterm_pinnable_page (v6.0).
  is_pinnable_page: 'folio_is_longterm_pinnable',
  is_longterm_pinnable_page: 'folio_is_longterm_pinnable',
  // put_page's diversion of devmap-managed pages (≤ v5.17).
  put_devmap_managed_page: 'page_is_devmap_managed',
  // The ZONE_DEVICE free path, era by era (mm/memremap.c).
  __put_devmap_managed_page: 'free_zone_device_folio',
  free_devmap_managed_page: 'free_zone_device_folio',
  put_zone_device_private_or_public_page: 'free_zone_device_folio',
  free_zone_device_page: 'free_zone_device_folio',
  // mm/migrate.c, include/linux/mm.h.
  folio_expected_refs: 'expected_page_refs',
  folio_expected_ref_count: 'expected_page_refs',
  // mm/gup.c: where an unpinnable folio is migrated or the call fails.
  check_and_migrate_movable_pages: 'gup_longterm_unpinnable',
  check_and_migrate_movable_folios: 'gup_longterm_unpinnable',
  __gup_longterm_locked: 'gup_longterm_unpinnable',
  // mm/gup.c fast path.
  try_grab_folio: 'try_grab_folio_fast',
  try_grab_compound_head: 'try_grab_folio_fast',
  gup_pte_range: 'try_grab_folio_fast',
  // mm/memcontrol.c.
  mc_handle_present_pte: 'get_mctgt_type',
  mc_handle_swap_pte: 'get_mctgt_type',
  // mm/memory-failure.c.
  mf_generic_kill_procs: 'memory_failure_dev_pagemap',
  collect_procs: 'unmap_and_kill',
  kill_procs: 'unmap_and_kill',
  // Where an extra folio reference is dropped (memory_failure, do_swap_page, charge moving, fast GUP).
  put_page: 'put_ref_page',
  folio_put: 'put_ref_page',
  gup_put_folio: 'put_ref_page',
  // mm/memremap.c.
  percpu_ref_tryget_live: 'get_dev_pagemap',
  pfn_first: 'pgmap_pfn_valid',
  devm_memunmap_pages: 'memunmap_pages',
  // mm/migrate.c, mm/migrate_device.c, mm/gup.c.
  migrate_vma_collect: 'migrate_vma_collect_pmd',
  // mm/hmm.c, mm/rmap.c.
  hmm_vma_handle_pte: 'hmm_is_device_private_entry',
  page_make_device_exclusive_one: 'make_device_exclusive',
  make_device_exclusive_range: 'make_device_exclusive',
  folio_make_device_exclusive: 'make_device_exclusive',
  // mm/memory.c fork and write faults.
  copy_present_pte: 'copy_present_ptes',
  copy_present_page: 'folio_needs_cow_for_dma',
  page_needs_cow_for_dma: 'folio_needs_cow_for_dma',
  folio_maybe_dma_pinned: 'folio_needs_cow_for_dma',
  do_wp_page: 'wp_can_reuse_anon_folio',
  wp_page_reuse: 'wp_can_reuse_anon_folio',
  // mm/memory.c.
  copy_one_pte: 'copy_nonpresent_pte',
  // mm/swap.c.
  lru_cache_add: 'folio_add_lru',
  folio_add_lru_vma: 'folio_add_lru',
};
