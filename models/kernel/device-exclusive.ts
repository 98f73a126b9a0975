// Device-exclusive access (mm/rmap.c make_device_exclusive, v5.14) as the
// HMM test driver's EXCLUSIVE and CHECK_EXCLUSIVE ioctls use it.
import type { OpArgs, OpResult } from '../ops.ts';
import { EINVAL, ESRCH, getProc, npagesOk, vpnOk } from './handles.ts';
import { folioView, frameType } from './folio-view.ts';
import { type KernelState, vma_lookup } from './kstate.ts';
import { PG_anon } from './memmap.ts';
import { vm_fault_to_errno } from './gup.ts';
import { handle_mm_fault } from './memory.ts';
import { folio_remove_rmap_pte } from './rmap.ts';

/**
 * make_device_exclusive (mm/rmap.c): fault each page in for writing
 * (FOLL_WRITE), then replace its PTE with a device-exclusive entry that keeps
 * the reference and — as the proposal's make_device_exclusive decides, by
 * default since the ~v6.15 rework — the map count and rmap. Only anonymous system RAM can be made
 * exclusive (EOPNOTSUPP otherwise; earlier pages keep their change).
 */
export function make_device_exclusive(k: KernelState, a: OpArgs['make_device_exclusive']): OpResult<'make_device_exclusive'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!k.era.deviceExclusive || !npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  for (let vpn = a.vpn; vpn < a.vpn + a.npages; vpn++) {
    const vma = vma_lookup(p, vpn);
    if (!vma || vma.prot === 'none') return { errno: 'EFAULT' };
    if (vma.prot !== 'write') return { errno: 'EPERM' };
  }
  const data: number[] = [];
  for (let vpn = a.vpn; vpn < a.vpn + a.npages; vpn++) {
    const vma = vma_lookup(p, vpn);
    if (!vma) return { errno: 'EFAULT' };
    const r = handle_mm_fault(k, p, vma, vpn, true);
    if (!r.ok) return { errno: vm_fault_to_errno(r.why) }; // the fault goes through GUP (docs §6.4)
    if (frameType(k, r.slot) !== 'SYSTEM' || !k.mem.has(r.slot, PG_anon)) return { errno: 'EOPNOTSUPP' };
    const pte = p.ptes.get(vpn);
    if (!pte) return { errno: 'EFAULT' };
    pte.kind = 'device-exclusive';
    pte.write = true;
    pte.owner = a.owner;
    if (!k.hooks.make_device_exclusive(folioView(k, r.slot), { owner: a.owner })) {
      // page_make_device_exclusive_one before ~v6.15: "There is a reference
      // on the page for the swap entry which has been removed, so shouldn't
      // take another" — folio_remove_rmap_pte, the reference stays.
      folio_remove_rmap_pte(k, r.slot, p.num, vpn);
      pte.rmap = false;
    }
    data.push(k.mem.data[r.slot] ?? 0);
  }
  return { cpages: a.npages, data };
}

/** HMM_DMIRROR_CHECK_EXCLUSIVE: EPERM while this owner holds any page of the range exclusively. */
export function check_exclusive(k: KernelState, a: OpArgs['check_exclusive']): OpResult<'check_exclusive'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  for (let vpn = a.vpn; vpn < a.vpn + a.npages; vpn++) {
    const pte = p.ptes.get(vpn);
    if (pte?.kind === 'device-exclusive' && pte.owner === a.owner) return { errno: 'EPERM' };
  }
  return {};
}
