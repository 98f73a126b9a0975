// do_swap_page (mm/memory.c) on a device-private entry takes its page
// reference under the PTE lock, after pte_same rechecked the entry, and only
// then drops the lock and calls migrate_to_ram: 16ce101db85d ("fix race when
// faulting a device private page", v6.1). Held from there, the reference
// makes a concurrent migration's migrate_vma_check_page refuse the page, so
// it cannot be migrated and freed under the fault. The model takes it in
// that order in every era: before v6.1 the kernel passed vmf->page to
// migrate_to_ram with no reference at all (KERNEL-SEMANTICS §3.5 [ml]),
// which the proposal's 'unlock-then-get' comes closest to.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const do_swap_page =
  (_era: Era): Hooks['do_swap_page'] =>
  () =>
    'get-then-unlock';
