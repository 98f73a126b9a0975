// Every path that takes an extra folio reference drops it on every exit:
// put_ref_page for MF_COUNT_INCREASED (mm/memory-failure.c), the put_page
// after migrate_to_ram in do_swap_page (mm/memory.c, 16ce101db85d), the
// put_page of mem_cgroup_move_charge_pte_range after get_mctgt_type's lookup,
// and gup_put_folio when try_grab_folio_fast backs out (mm/gup.c).
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const put_ref_page =
  (_era: Era): Hooks['put_ref_page'] =>
  () =>
    true;
