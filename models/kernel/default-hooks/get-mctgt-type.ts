// get_mctgt_type (mm/memcontrol-v1.c): an anonymous page charged to mc.from
// is MC_TARGET_PAGE, upgraded to MC_TARGET_DEVICE for the era's device types
// (TYPE_RULES.memcgTarget); device-private entries are seen only once
// mc_handle_swap_pte was fixed (BUG-22, v5.10).
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const get_mctgt_type =
  (era: Era): Hooks['get_mctgt_type'] =>
  (folio, ctx) => {
    if (ctx.via === 'device-private' && !era.mcHandlesDevicePrivate) return 'NONE';
    if (!folio.anon || folio.memcg !== ctx.from) return 'NONE';
    return TYPE_RULES[folio.memoryType].memcgTarget(era);
  };
