// mm/hmm.c: hmm_range_fault for one page with HMM_PFN_REQ_FAULT (and
// REQ_WRITE), dev_private_owner = owner (hmm_vma_handle_pte). A
// device-private entry of this owner is returned as is when it satisfies the
// request (read, or writable for a write); anything else is faulted with
// handle_mm_fault, and a fault error is -EFAULT (hmm_vma_fault).
import type { Pfn, ProcId, Vpn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { handleMmFault } from './handle-mm-fault.ts';

/**
 * Does `owner` see this device-private page without a fault: its pgmap's
 * owner (hmm_is_device_private_entry, ~v5.7); any owner before owner checks.
 */
export function ownsDevicePrivate(ctx: Ctx, pfn: Pfn, owner: string): boolean {
  const frame = frameOf(ctx, pfn);
  return !ctx.era.ownerChecks || (frame.pgmap !== null && ctx.s.pgmaps[frame.pgmap]!.owner === owner);
}

/** The frame the device reaches, or null for -EFAULT. Event device-access for every ZONE_DEVICE frame reached. */
export function hmmRangeFaultPage(ctx: Ctx, procId: ProcId, vpn: Vpn, owner: string, write: boolean): Pfn | null {
  const pte = ctx.s.procs[procId]!.ptes[vpn];
  let pfn: Pfn;
  if (pte?.kind === 'device-private' && ownsDevicePrivate(ctx, pte.pfn, owner) && (pte.write || !write)) {
    pfn = pte.pfn;
  } else {
    const r = handleMmFault(ctx, procId, vpn, write);
    if (!r.ok) return null;
    pfn = r.pfn;
  }
  if (frameOf(ctx, pfn).pgmap !== null) ctx.events.push({ ev: 'device-access', pfn, owner });
  return pfn;
}
