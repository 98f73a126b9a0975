// free_zone_device_folio (mm/memremap.c) puts a MEMORY_DEVICE_PRIVATE or
// COHERENT page's pgmap reference only once the driver's page_free
// returned: "pgmap->ops->page_free(page); put_dev_pagemap(pgmap)" (read in
// the current source, folio_free/percpu_ref_put_many there, and in
// 0dc45ca1ce18, v6.1, which made the reference per allocated page). So
// memunmap_pages, which waits for every reference, cannot return — and the
// driver free the per-pgmap state its free list lives in — while page_free
// still runs. The same order in every era with per-allocation references.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const free_zone_device_folio_ref =
  (_era: Era): Hooks['free_zone_device_folio_ref'] =>
  () =>
    'put-after-page-free';
