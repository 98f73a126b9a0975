// try_grab_folio_fast (mm/gup.c): fast GUP gives up (the caller falls back
// to the slow path) on P2PDMA without FOLL_PCI_P2PDMA, on a FOLL_LONGTERM
// request for an unpinnable folio, and on anything that is not a normal
// present page; otherwise it grabs.
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import type { Hooks } from '../hooks.ts';

export const try_grab_folio_fast =
  (era: Era): Hooks['try_grab_folio_fast'] =>
  (folio, flags) => {
    const rules = TYPE_RULES[folio.memoryType];
    if (rules.gup !== 'grab') return 'fallback';
    if (flags.longterm && folio.pfn !== ZERO_PFN && !rules.longtermPinnable(era)) return 'fallback';
    return 'grab';
  };
