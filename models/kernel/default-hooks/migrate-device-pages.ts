// __migrate_device_pages (mm/migrate_device.c): a device-private or
// device-coherent destination takes a source with a mapping only when it is
// anon and its swap cache can be freed (folio_free_swap), so page-cache
// (file, shmem) folios never move into device memory; the 2025–26
// file-backed device-private RFC would change exactly this.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const migrate_device_pages =
  (_era: Era): Hooks['migrate_device_pages'] =>
  (folio) =>
    folio.anon && folio.mapping === null;
