// add_page_for_migration (mm/migrate.c): "if (is_zone_device_page(page))
// goto out_putpage" with err = -ENOENT — ZONE_DEVICE pages are not on an
// LRU and not NUMA-migrated (KERNEL-SEMANTICS §8), from the DEVICE_COHERENT
// series on (era.movePagesSkipsZoneDevice). Before, nothing tested it here
// and isolate_lru_page refused the page instead (-EBUSY).
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const add_page_for_migration =
  (era: Era): Hooks['add_page_for_migration'] =>
  (folio) =>
    !(era.movePagesSkipsZoneDevice && folio.zone === 'DEVICE');
