// wake_up_var (kernel/sched/wait_bit.c) as the FS_DAX free path calls it —
// free_zone_device_folio: "wake_up_var(&folio->page)"; before the fs/dax
// series __put_devmap_managed_page / fsdax_pagefree: wake_up_var(
// &page->_refcount). A task asleep in ___wait_var_event on this page (a
// hole punch breaking DAX layouts) runs again once the operation that
// freed the page returns (run_woken_tasks, dax-break-layout.ts).
import type { KernelState } from './kstate.ts';

export function wake_up_var(k: KernelState, slot: number): void {
  for (const f of k.files.values()) if (f.punch?.waitOn === slot) f.punch.woken = true;
}
