// __migrate_device_finalize (mm/migrate_device.c) since v6.14 (David
// Hildenbrand, "mm/migrate_device: don't add folio to be freed to LRU in
// migrate_device_finalize()", Cc stable): only the folio that survives goes
// back on the LRU; the source that moved is put, not folio_putback_lru'd.
// Before it, `if (folio_is_zone_device(src)) folio_put(src); else
// folio_putback_lru(src);` added the dying source to the LRU, uncharged
// (mem_cgroup_migrate had moved its charge), until its put freed it
// (BUG-15). The model takes the fixed rule in every era: the window is only
// visible to a thread paused in finalize (threads.ts), and the built-ins'
// headers describe the atomic checks.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const migrate_device_finalize =
  (_era: Era): Hooks['migrate_device_finalize'] =>
  () =>
    false;
