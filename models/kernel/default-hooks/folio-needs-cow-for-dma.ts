// folio_needs_cow_for_dma (mm/internal.h): fork copies an anon page that may
// be DMA-pinned instead of sharing it (copy_present_page), so the pinned
// page stays the parent's. folio_maybe_dma_pinned for a small folio: the
// count carries GUP_PIN_COUNTING_BIAS; the zero page is never pinned.
import type { Era } from '../../eras/era.ts';
import { GUP_PIN_COUNTING_BIAS, ZERO_PFN } from '../../vocabulary.ts';
import type { Hooks } from '../hooks.ts';

export const folio_needs_cow_for_dma =
  (_era: Era): Hooks['folio_needs_cow_for_dma'] =>
  (folio) =>
    folio.pfn !== ZERO_PFN && folio.refcount >= GUP_PIN_COUNTING_BIAS;
