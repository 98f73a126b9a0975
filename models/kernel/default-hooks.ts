// The kernel decisions of an era, as hooks: createKernel(era,
// defaultHooks(era)) implements docs/operations.md for that era. Each hook
// is derived from the era profile and TYPE_RULES (one file per hook in
// default-hooks/); every one takes (subject, ctx).
import type { Era } from '../eras/era.ts';
import { copy_nonpresent_pte } from './default-hooks/copy-nonpresent-pte.ts';
import { copy_present_ptes } from './default-hooks/copy-present-ptes.ts';
import { expected_page_refs } from './default-hooks/expected-page-refs.ts';
import { folio_add_lru } from './default-hooks/folio-add-lru.ts';
import { folio_is_longterm_pinnable } from './default-hooks/folio-is-longterm-pinnable.ts';
import { folio_needs_cow_for_dma } from './default-hooks/folio-needs-cow-for-dma.ts';
import { free_zone_device_folio } from './default-hooks/free-zone-device-folio.ts';
import { get_dev_pagemap } from './default-hooks/get-dev-pagemap.ts';
import { put_dev_pagemap } from './default-hooks/put-dev-pagemap.ts';
import { get_mctgt_type } from './default-hooks/get-mctgt-type.ts';
import { gup_longterm_unpinnable } from './default-hooks/gup-longterm-unpinnable.ts';
import { hmm_is_device_private_entry } from './default-hooks/hmm-is-device-private-entry.ts';
import { make_device_exclusive } from './default-hooks/make-device-exclusive.ts';
import { memory_failure_dev_pagemap } from './default-hooks/memory-failure-dev-pagemap.ts';
import { memunmap_pages } from './default-hooks/memunmap-pages.ts';
import { migrate_longterm_unpinnable_folios } from './default-hooks/migrate-longterm-unpinnable-folios.ts';
import { migrate_device_pages } from './default-hooks/migrate-device-pages.ts';
import { migrate_vma_check_page } from './default-hooks/migrate-vma-check-page.ts';
import { migrate_vma_collect_pmd } from './default-hooks/migrate-vma-collect-pmd.ts';
import { migrate_vma_insert_page } from './default-hooks/migrate-vma-insert-page.ts';
import { page_is_devmap_managed } from './default-hooks/page-is-devmap-managed.ts';
import { pgmap_pfn_valid } from './default-hooks/pgmap-pfn-valid.ts';
import { do_swap_page } from './default-hooks/do-swap-page.ts';
import { flush_tlb_range } from './default-hooks/flush-tlb-range.ts';
import { get_dev_pagemap_ref } from './default-hooks/get-dev-pagemap-ref.ts';
import { free_zone_device_folio_ref } from './default-hooks/free-zone-device-folio-ref.ts';
import { memunmap_pages_kill } from './default-hooks/memunmap-pages-kill.ts';
import { migrate_device_finalize } from './default-hooks/migrate-device-finalize.ts';
import { put_ref_page } from './default-hooks/put-ref-page.ts';
import { remove_migration_pte } from './default-hooks/remove-migration-pte.ts';
import { remove_migration_ptes } from './default-hooks/remove-migration-ptes.ts';
import { try_grab_folio_fast } from './default-hooks/try-grab-folio-fast.ts';
import { gup_fast_pte_range } from './default-hooks/gup-fast-pte-range.ts';
import { gup_fast } from './default-hooks/gup-fast.ts';
import { unmap_and_kill } from './default-hooks/unmap-and-kill.ts';
import { wp_can_reuse_anon_folio } from './default-hooks/wp-can-reuse-anon-folio.ts';
import { add_page_for_migration } from './default-hooks/add-page-for-migration.ts';
import { dax_layout_busy_page } from './default-hooks/dax-layout-busy-page.ts';
import { folio_mark_dirty } from './default-hooks/folio-mark-dirty.ts';
import { mapping_evict_folio } from './default-hooks/mapping-evict-folio.ts';
import type { Hooks } from './hooks.ts';

/** Every hook's era default, built per hook name (a hook without one does not compile). */
const DEFAULTS: { readonly [K in keyof Hooks]: (era: Era) => Hooks[K] } = {
  page_is_devmap_managed,
  free_zone_device_folio,
  free_zone_device_folio_ref,
  expected_page_refs,
  migrate_vma_check_page,
  migrate_vma_insert_page,
  migrate_vma_collect_pmd,
  migrate_device_pages,
  remove_migration_pte,
  remove_migration_ptes,
  folio_is_longterm_pinnable,
  gup_longterm_unpinnable,
  migrate_longterm_unpinnable_folios,
  try_grab_folio_fast,
  gup_fast_pte_range,
  gup_fast,
  migrate_device_finalize,
  flush_tlb_range,
  do_swap_page,
  put_ref_page,
  get_mctgt_type,
  get_dev_pagemap,
  get_dev_pagemap_ref,
  put_dev_pagemap,
  pgmap_pfn_valid,
  memunmap_pages,
  memunmap_pages_kill,
  memory_failure_dev_pagemap,
  unmap_and_kill,
  hmm_is_device_private_entry,
  make_device_exclusive,
  copy_nonpresent_pte,
  copy_present_ptes,
  folio_needs_cow_for_dma,
  wp_can_reuse_anon_folio,
  folio_add_lru,
  folio_mark_dirty,
  dax_layout_busy_page,
  add_page_for_migration,
  mapping_evict_folio,
};

export function defaultHooks(era: Era): Hooks {
  const hooks: Partial<Record<keyof Hooks, unknown>> = {};
  for (const name of Object.keys(DEFAULTS) as (keyof Hooks)[]) hooks[name] = DEFAULTS[name](era);
  return hooks as Hooks;
}
