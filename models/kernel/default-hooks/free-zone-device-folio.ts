// free_zone_device_folio (mm/memremap.c): the type's free path
// (TYPE_RULES.freePath), run at the era's in-use base count — 1 in the
// "1-based" eras (__put_devmap_managed_page), else 0.
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES, typeRules } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const free_zone_device_folio =
  (era: Era): Hooks['free_zone_device_folio'] =>
  (folio) => ({
    action: typeRules(folio.memoryType).freePath(era),
    at: TYPE_RULES[folio.memoryType].refcount(era).base,
  });
