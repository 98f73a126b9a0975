// get_dev_pagemap (mm/memremap.c): percpu_ref_tryget_live_rcu fails once
// memunmap_pages ran percpu_ref_kill, so a dying pgmap is not handed out:
// memory_failure says "memory outside kernel control" (-ENXIO) and
// dax_direct_access fails the fault (VM_FAULT_SIGBUS).
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const get_dev_pagemap =
  (_era: Era): Hooks['get_dev_pagemap'] =>
  (pgmap) =>
    !pgmap.killed;
