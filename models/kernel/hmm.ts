// hmm_range_fault (mm/hmm.c) as the HMM test driver's READ, WRITE and
// SNAPSHOT ioctls use it (lib/test_hmm.c dmirror_read / dmirror_write /
// dmirror_snapshot).
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { HMM_DMIRROR_PROT, ZERO_PFN } from '../vocabulary.ts';
import { folioView, frameType } from './folio-view.ts';
import { pte_mkdirty } from './dirty.ts';
import { EINVAL, ESRCH, getProc, npagesOk, vpnOk } from './handles.ts';
import { type KernelState, type Proc, type Pte, linear_page_index, page_pgmap, slotOf, vma_lookup } from './kstate.ts';
import { handle_mm_fault } from './memory.ts';

/**
 * hmm_is_device_private_entry (mm/hmm.c): may the device use this
 * device-private entry as is, or must hmm_range_fault fault it back to RAM
 * (do_swap_page → its owner's migrate_to_ram)? The proposal's hook decides;
 * by default only the owning device (range->dev_private_owner) may, and
 * every device before the owner field (~v5.7).
 */
function hmm_is_device_private_entry(k: KernelState, pte: Pte, owner: string): boolean {
  return k.hooks.hmm_is_device_private_entry(folioView(k, slotOf(k, pte.pfn)), { owner });
}

/** hmm_pte_need_fault inverted: may the device use this entry without faulting. */
function hmm_pte_valid(k: KernelState, pte: Pte | undefined, owner: string, write: boolean): boolean {
  if (!pte) return false;
  return (
    match(pte.kind)
      .with('present', 'present-devmap', () => !write || pte.write)
      // A writable entry the device may use serves a write too; before owner
      // checks (v4.14 hmm_vma_walk_pmd) every device-private entry was used in
      // place, HMM_PFN_WRITE when is_write_device_private_entry (docs §6.15).
      .with('device-private', () => hmm_is_device_private_entry(k, pte, owner) && (!write || pte.write))
      .with('device-exclusive', 'hwpoison', 'migration', () => false)
      .exhaustive()
  );
}

/** hmm_vma_walk_test / check of the range: a VMA everywhere, readable (EFAULT), writable for a write (EPERM). */
function hmm_range_check(p: Proc, vpn: number, npages: number, write: boolean): OpResult<'device_read'> | null {
  for (let v = vpn; v < vpn + npages; v++) {
    const vma = vma_lookup(p, v);
    if (!vma || vma.prot === 'none') return { errno: 'EFAULT' };
    if (write && vma.prot !== 'write') return { errno: 'EPERM' };
  }
  return null;
}

/**
 * hmm_range_fault with HMM_PFN_REQ_FAULT (and REQ_WRITE) for one page: fault
 * in what the device cannot use as is (do_swap_page migrates another
 * device's private page back, device-exclusive entries are restored).
 * Returns the frame's slot, or -1 (-EFAULT).
 */
function hmm_fault_page(k: KernelState, p: Proc, vpn: number, owner: string, write: boolean): number {
  const pte = p.ptes.get(vpn);
  if (!hmm_pte_valid(k, pte, owner, write)) {
    if (pte?.kind === 'hwpoison') return -1;
    const vma = vma_lookup(p, vpn);
    if (!vma) return -1;
    const r = handle_mm_fault(k, p, vma, vpn, write);
    if (!r.ok) return -1;
    return r.slot;
  }
  return pte ? slotOf(k, pte.pfn) : -1;
}

function deviceAccess(k: KernelState, slot: number, owner: string): void {
  if ((k.mem.pgmap[slot] ?? -1) >= 0) k.events.push({ ev: 'device-access', pfn: k.mem.pfn[slot] ?? -1, owner });
}

/** HMM_DMIRROR_READ: fault the range in for reading and copy it to the device. */
export function device_read(k: KernelState, a: OpArgs['device_read']): OpResult<'device_read'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  const bad = hmm_range_check(p, a.vpn, a.npages, false);
  if (bad) return bad;
  const data: number[] = [];
  for (let vpn = a.vpn; vpn < a.vpn + a.npages; vpn++) {
    const slot = hmm_fault_page(k, p, vpn, a.owner, false);
    if (slot < 0) return { errno: 'EFAULT' };
    data.push(k.mem.data[slot] ?? 0);
    deviceAccess(k, slot, a.owner);
  }
  return { cpages: a.npages, faults: 1, data };
}

/** HMM_DMIRROR_WRITE: fault the range in for writing and store the device's data. */
export function device_write(k: KernelState, a: OpArgs['device_write']): OpResult<'device_write'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn) || !Array.isArray(a.data) || a.data.length !== a.npages) return EINVAL;
  const bad = hmm_range_check(p, a.vpn, a.npages, true);
  if (bad) return bad;
  for (let i = 0; i < a.npages; i++) {
    const vpn = a.vpn + i;
    const slot = hmm_fault_page(k, p, vpn, a.owner, true);
    const vma = vma_lookup(p, vpn);
    if (slot < 0 || !vma) return { errno: 'EFAULT' };
    const value = a.data[i] ?? 0;
    k.mem.data[slot] = value;
    pte_mkdirty(k, p, vpn, slot);
    k.ghost.write(p.num, vpn, vma.file, vma.shared, linear_page_index(vma, vpn), value);
    deviceAccess(k, slot, a.owner);
  }
  return { cpages: a.npages, faults: 1 };
}

/**
 * HMM_DMIRROR_SNAPSHOT: hmm_range_fault without fault flags, one
 * HMM_DMIRROR_PROT byte per page (dmirror_mkentry classifies by the page's
 * type and owner, the permission by the entry's write bit).
 */
export function snapshot(k: KernelState, a: OpArgs['snapshot']): OpResult<'snapshot'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  const prot: number[] = [];
  for (let vpn = a.vpn; vpn < a.vpn + a.npages; vpn++) prot.push(dmirror_mkentry(k, p, vpn, a.owner));
  return { cpages: a.npages, prot };
}

function dmirror_mkentry(k: KernelState, p: Proc, vpn: number, owner: string): number {
  const vma = vma_lookup(p, vpn);
  if (!vma || vma.prot === 'none') return HMM_DMIRROR_PROT.ERROR;
  const pte = p.ptes.get(vpn);
  if (!hmm_pte_valid(k, pte, owner, false) || !pte) return HMM_DMIRROR_PROT.NONE;
  if (pte.pfn === ZERO_PFN) return HMM_DMIRROR_PROT.ZERO | HMM_DMIRROR_PROT.READ;
  const slot = slotOf(k, pte.pfn);
  const perm = pte.write ? HMM_DMIRROR_PROT.WRITE : HMM_DMIRROR_PROT.READ;
  const local = page_pgmap(k, slot)?.owner === owner;
  const cls = match(TYPE_RULES[frameType(k, slot)].snapshotClass)
    .with('system', 'dax', () => 0)
    .with('device-private', () => (local ? HMM_DMIRROR_PROT.DEV_PRIVATE_LOCAL : HMM_DMIRROR_PROT.DEV_PRIVATE_REMOTE))
    .with('device-coherent', () => (local ? HMM_DMIRROR_PROT.DEV_COHERENT_LOCAL : HMM_DMIRROR_PROT.DEV_COHERENT_REMOTE))
    .exhaustive();
  if (cls !== 0) deviceAccess(k, slot, owner);
  return cls | perm;
}
