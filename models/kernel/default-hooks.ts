// The kernel decisions of an era, as hooks: createKernel(era,
// defaultHooks(era)) implements docs/operations.md for that era. Each hook
// is derived from the era profile and TYPE_RULES (one file per hook in
// default-hooks/).
import type { Era } from '../eras/era.ts';
import { copy_nonpresent_pte } from './default-hooks/copy-nonpresent-pte.ts';
import { expected_page_refs } from './default-hooks/expected-page-refs.ts';
import { folio_add_lru } from './default-hooks/folio-add-lru.ts';
import { folio_is_longterm_pinnable } from './default-hooks/folio-is-longterm-pinnable.ts';
import { free_zone_device_folio } from './default-hooks/free-zone-device-folio.ts';
import { get_mctgt_type } from './default-hooks/get-mctgt-type.ts';
import { gup_longterm_unpinnable } from './default-hooks/gup-longterm-unpinnable.ts';
import { memory_failure_dev_pagemap } from './default-hooks/memory-failure-dev-pagemap.ts';
import { migrate_vma_check_page } from './default-hooks/migrate-vma-check-page.ts';
import { migrate_vma_insert_page } from './default-hooks/migrate-vma-insert-page.ts';
import { page_is_devmap_managed } from './default-hooks/page-is-devmap-managed.ts';
import { try_grab_folio_fast } from './default-hooks/try-grab-folio-fast.ts';
import type { Hooks } from './hooks.ts';

export function defaultHooks(era: Era): Hooks {
  return {
    page_is_devmap_managed: page_is_devmap_managed(era),
    free_zone_device_folio: free_zone_device_folio(era),
    expected_page_refs: expected_page_refs(era),
    migrate_vma_check_page: migrate_vma_check_page(era),
    migrate_vma_insert_page: migrate_vma_insert_page(era),
    folio_is_longterm_pinnable: folio_is_longterm_pinnable(era),
    gup_longterm_unpinnable: gup_longterm_unpinnable(era),
    try_grab_folio_fast: try_grab_folio_fast(era),
    get_mctgt_type: get_mctgt_type(era),
    memory_failure_dev_pagemap: memory_failure_dev_pagemap(era),
    copy_nonpresent_pte: copy_nonpresent_pte(era),
    folio_add_lru: folio_add_lru(era),
  };
}
