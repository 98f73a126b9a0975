// CPU loads and stores from user space: a fault when needed
// (mm/memory.c handle_mm_fault), then the access itself.
import type { OpArgs, OpResult } from '../ops.ts';
import { pte_mkdirty } from './dirty.ts';
import { ESRCH, getProc } from './handles.ts';
import { type KernelState, linear_page_index, vma_lookup } from './kstate.ts';
import { handle_mm_fault } from './memory.ts';

/** A CPU read: SIGSEGV without a readable VMA (bad_area), SIGBUS when the fault fails. */
export function cpu_read(k: KernelState, a: OpArgs['cpu_read']): OpResult<'cpu_read'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  const vma = vma_lookup(p, a.vpn);
  if (!vma || vma.prot === 'none') return { signal: 'SIGSEGV' };
  const r = handle_mm_fault(k, p, vma, a.vpn, false);
  if (!r.ok) return { signal: 'SIGBUS' };
  return { value: k.mem.data[r.slot] ?? 0 };
}

/** A CPU write: SIGSEGV without a writable VMA, SIGBUS when the fault fails; the value lands in the frame and the ghost. */
export function cpu_write(k: KernelState, a: OpArgs['cpu_write']): OpResult<'cpu_write'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  const vma = vma_lookup(p, a.vpn);
  if (vma?.prot !== 'write') return { signal: 'SIGSEGV' };
  const r = handle_mm_fault(k, p, vma, a.vpn, true);
  if (!r.ok) return { signal: 'SIGBUS' };
  k.mem.data[r.slot] = a.value;
  pte_mkdirty(k, p, a.vpn, r.slot);
  k.ghost.write(p.num, a.vpn, vma.file, vma.shared, linear_page_index(vma, a.vpn), a.value);
  return {};
}
