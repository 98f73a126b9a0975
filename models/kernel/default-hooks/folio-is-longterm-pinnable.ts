// folio_is_longterm_pinnable (include/linux/mm.h): the zero page is
// pinnable; device-coherent and (since the fs/dax series) FS_DAX folios are
// not (TYPE_RULES.longtermPinnable).
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import type { Hooks } from '../hooks.ts';

export const folio_is_longterm_pinnable =
  (era: Era): Hooks['folio_is_longterm_pinnable'] =>
  (folio) =>
    folio.pfn === ZERO_PFN || TYPE_RULES[folio.memoryType].longtermPinnable(era);
