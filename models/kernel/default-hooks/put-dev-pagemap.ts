// put_dev_pagemap (include/linux/memremap.h: percpu_ref_put(&pgmap->ref)):
// every path that took a pgmap reference drops it — memory_failure after
// memory_failure_dev_pagemap, and free_zone_device_folio for the per-page
// reference zone_device_page_init took (v6.1, 0dc45ca1ce18). A leak keeps
// wait_for_completion(&pgmap->done) in memunmap_pages waiting for ever.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const put_dev_pagemap =
  (_era: Era): Hooks['put_dev_pagemap'] =>
  () =>
    true;
