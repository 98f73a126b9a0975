// page_is_devmap_managed (include/linux/mm.h, v5.x and before; the FS_DAX
// remnant put_devmap_managed_folio_refs until ~v6.15): put_page diverts the
// 1-based ZONE_DEVICE types — those idling at one with a base reference —
// to the devmap free path, which runs when the count drops to one.
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const page_is_devmap_managed =
  (era: Era): Hooks['page_is_devmap_managed'] =>
  (folio) => {
    if (folio.zone !== 'DEVICE') return false;
    const rule = TYPE_RULES[folio.memoryType].refcount(era);
    return rule.idle === 1 && rule.base === 1;
  };
