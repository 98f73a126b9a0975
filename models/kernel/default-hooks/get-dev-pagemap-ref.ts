// get_dev_pagemap (mm/memremap.c) takes its pgmap reference inside
// rcu_read_lock: xa_load(&pgmap_array) finds the pgmap, and
// percpu_ref_tryget_live_rcu takes the reference before rcu_read_unlock, so
// memunmap_pages, which percpu_ref_kills and then waits for every reference
// (wait_for_completion(&pgmap->done)), cannot complete under a caller that
// got the pgmap. Read in mm/memremap.c (current source, and the 2021 patch
// that turned percpu_ref_tryget_live into the _rcu variant inside the same
// RCU section): the same order in every era the model has.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const get_dev_pagemap_ref =
  (_era: Era): Hooks['get_dev_pagemap_ref'] =>
  () =>
    'tryget-under-rcu';
