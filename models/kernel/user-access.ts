// CPU loads and stores from user space: a fault when needed
// (mm/memory.c handle_mm_fault), then the access itself.
import type { OpArgs, OpFailure, OpResult } from '../ops.ts';
import { pte_mkdirty } from './dirty.ts';
import { ESRCH, getProc } from './handles.ts';
import { type KernelState, type Proc, type Vma, linear_page_index, pfn_to_slot, vma_lookup } from './kstate.ts';
import { stale_tlb_entry } from './tlb.ts';
import { handle_mm_fault } from './memory.ts';

/**
 * The access's checks before any fault (arch fault handler → lock_mm_and_find_vma,
 * access_error): ESRCH for no such process, SIGSEGV without a VMA that
 * allows it (bad_area).
 */
export function access_vma(k: KernelState, a: { readonly proc: unknown; readonly vpn: number }, write: boolean): { readonly p: Proc; readonly vma: Vma } | OpFailure {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  const vma = vma_lookup(p, a.vpn);
  if (!vma || vma.prot === 'none' || (write && vma.prot !== 'write')) return { signal: 'SIGSEGV' };
  return { p, vma };
}

/**
 * A CPU read: through a stale TLB entry if one is left (tlb.ts: the frame
 * it names, no fault), else SIGSEGV without a readable VMA (bad_area),
 * SIGBUS when the fault fails. A store never uses a stale entry in the
 * model: on x86 one that is not yet dirty walks the page table to set the
 * dirty bit and faults on the cleared PTE, and whether it is dirty is more
 * than the model keeps.
 */
export function cpu_read(k: KernelState, a: OpArgs['cpu_read']): OpResult<'cpu_read'> {
  const p = getProc(k, a.proc);
  const stale = p === undefined ? undefined : stale_tlb_entry(k, p.num, a.vpn);
  if (stale !== undefined) return { value: k.mem.data[pfn_to_slot(k, stale.pfn)] ?? 0 };
  const at = access_vma(k, a, false);
  if (!('p' in at)) return at;
  const r = handle_mm_fault(k, at.p, at.vma, a.vpn, false);
  if (!r.ok) return { signal: 'SIGBUS' };
  return { value: k.mem.data[r.slot] ?? 0 };
}

/** A CPU write: SIGSEGV without a writable VMA, SIGBUS when the fault fails; the value lands in the frame and the ghost. */
export function cpu_write(k: KernelState, a: OpArgs['cpu_write']): OpResult<'cpu_write'> {
  const at = access_vma(k, a, true);
  if (!('p' in at)) return at;
  const { p, vma } = at;
  const r = handle_mm_fault(k, p, vma, a.vpn, true);
  if (!r.ok) return { signal: 'SIGBUS' };
  k.mem.data[r.slot] = a.value;
  pte_mkdirty(k, p, a.vpn, r.slot);
  k.ghost.write(p.num, a.vpn, vma.file, vma.shared, linear_page_index(vma, a.vpn), a.value);
  return {};
}
