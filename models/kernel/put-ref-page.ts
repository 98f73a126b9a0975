// The extra folio reference some paths hold while they work on a page (the
// madvise caller's MF_COUNT_INCREASED one, do_swap_page's around
// migrate_to_ram, get_mctgt_type's lookup, fast GUP's speculative grab), and
// its drop at the exit — which the proposal's put_ref_page may skip, leaving
// a count above what the page's users explain.
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import type { PutRefSite } from './hooks.ts';
import type { KernelState } from './kstate.ts';
import { PG_inuse } from './memmap.ts';
import { folio_get, folio_put } from './swap.ts';

/**
 * get_page_unless_zero / the caller's own get_page: only a page that has
 * users can be referenced (a free device page sits at 0, an idle
 * devmap-era DAX page is "special"). Returns whether it took one.
 */
export function take_extra_ref(k: KernelState, slot: number): boolean {
  if (slot === ZERO_PFN || !k.mem.has(slot, PG_inuse)) return false;
  folio_get(k, slot);
  return true;
}

/** put_ref_page / put_page at one exit of `site`: dropped unless the proposal says this exit forgets. */
export function put_ref_page(k: KernelState, slot: number, site: PutRefSite): void {
  if (k.hooks.put_ref_page(folioView(k, slot), { site })) folio_put(k, slot);
}
