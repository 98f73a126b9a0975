// memunmap_pages (mm/memremap.c) kills pgmap->ref before it waits for the
// users' references: "percpu_ref_kill(&pgmap->ref); ...
// wait_for_completion(&pgmap->done); ... pageunmap_range" in the current
// source, dev_pagemap_kill before dev_pagemap_cleanup's wait in v5.4's
// (read). From the kill on, percpu_ref_tryget_live fails, so get_dev_pagemap
// (a DAX fault, memory_failure) and the driver's zone_device_page_init
// (which must not allocate after it) take no new reference once the wait
// saw the last one go. The same order in every era.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const memunmap_pages_kill =
  (_era: Era): Hooks['memunmap_pages_kill'] =>
  () =>
    'kill-then-wait';
