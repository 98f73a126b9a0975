// mm/memcontrol-v1.c (mm/memcontrol.c before v6.9): get_mctgt_type for one
// PTE of a task being moved, MOVE_ANON only (docs §4).
import { match } from 'ts-pattern';
import type { AbsPte } from '../../state.ts';
import { typeRules } from '../../type-rules.ts';
import type { McTarget, MemcgId } from '../../vocabulary.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { frameOf } from '../handles.ts';

export function getMctgtType(ctx: Ctx, pte: AbsPte, from: MemcgId): McTarget {
  const frame = frameOf(ctx, pte.pfn);
  const candidate = match(pte.kind)
    // mc_handle_present_pte: vm_normal_page (never the zero page), anon only.
    .with('present', 'present-devmap', () => pte.pfn !== ZERO_PFN && frame.anon)
    // mc_handle_swap_pte: device-private entries are seen only once
    // 9a137153fc87 (v5.10) tests them before rejecting non-swap entries
    // (BUG-22); v6.2–v6.12 skip a non-present entry's page while it is mapped
    // ("skip moving non-present pages that are mapped elsewhere"), and this
    // very entry maps it.
    .with('device-private', () => ctx.era.mcHandlesDevicePrivate && !ctx.era.mcSkipsMappedNonPresent)
    .with('device-exclusive', 'hwpoison', () => false)
    .exhaustive();
  if (!candidate || frame.memcg !== from) return 'NONE';
  // MC_TARGET_PAGE, upgraded to MC_TARGET_DEVICE for the era's device types.
  return typeRules(frame.type).memcgTarget(ctx.era);
}
