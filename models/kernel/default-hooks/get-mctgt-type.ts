// get_mctgt_type (mm/memcontrol-v1.c): an anonymous page charged to mc.from
// is MC_TARGET_PAGE, upgraded to MC_TARGET_DEVICE for the era's device types
// (TYPE_RULES.memcgTarget). Device-private entries are seen only once
// mc_handle_swap_pte was fixed (BUG-22, v5.10), and v6.2–v6.12 skip them
// again: "mm: memcontrol: skip moving non-present pages that are mapped
// elsewhere" returns NONE for "!pte_present(ptent) && page_mapped(page)",
// and a device-private page is mapped by the very entry being looked at.
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const get_mctgt_type =
  (era: Era): Hooks['get_mctgt_type'] =>
  (folio, ctx) => {
    if (ctx.via === 'device-private' && !era.mcHandlesDevicePrivate) return 'NONE';
    if (ctx.via === 'device-private' && era.mcSkipsMappedNonPresent && folio.mapcount > 0) return 'NONE';
    if (!folio.anon || folio.memcg !== ctx.from) return 'NONE';
    return TYPE_RULES[folio.memoryType].memcgTarget(era);
  };
