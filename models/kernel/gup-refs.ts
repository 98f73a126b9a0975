// The references GUP holds (mm/gup.c): a FOLL_PIN on a small folio adds
// GUP_PIN_COUNTING_BIAS to its count and counts the pin; gup_put_folio
// takes back what try_grab_folio gave.
import { GUP_PIN_COUNTING_BIAS, ZERO_PFN } from '../vocabulary.ts';
import type { KernelState } from './kstate.ts';
import { folio_put_refs } from './swap.ts';

/** The FOLL_PIN half of try_grab_folio for a small folio: GUP_PIN_COUNTING_BIAS and the pin count. */
export function folio_get_pin(k: KernelState, slot: number): void {
  k.mem.refcount[slot] = (k.mem.refcount[slot] ?? 0) + GUP_PIN_COUNTING_BIAS;
  k.mem.pincount[slot] = (k.mem.pincount[slot] ?? 0) + 1;
}

/** gup_put_folio (mm/gup.c): undo try_grab_folio. */
export function gup_put_folio(k: KernelState, slot: number, pin: boolean): void {
  if (slot === ZERO_PFN) return;
  if (!pin) {
    folio_put_refs(k, slot, 1, 'gup_put_folio');
    return;
  }
  k.mem.pincount[slot] = (k.mem.pincount[slot] ?? 0) - 1;
  folio_put_refs(k, slot, GUP_PIN_COUNTING_BIAS, 'gup_put_folio');
}
