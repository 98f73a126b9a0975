// mm/gup.c: __get_user_pages for one page — follow_page_pte, and
// faultin_page when the PTE is not present, not writable for a write, or a
// device-private / device-exclusive entry (the fault of cpu_read/cpu_write,
// without storing a value).
import { match } from 'ts-pattern';
import type { Errno, Pfn, ProcId, Vpn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import type { FaultError } from './fault-outcome.ts';
import { handleMmFault } from './handle-mm-fault.ts';

/**
 * vm_fault_to_errno: VM_FAULT_OOM → -ENOMEM, VM_FAULT_HWPOISON → -EHWPOISON,
 * VM_FAULT_SIGBUS → -EFAULT.
 */
export const gupFaultErrno = (e: FaultError): Errno =>
  match(e)
    .with('oom', (): Errno => 'ENOMEM')
    .with('hwpoison', (): Errno => 'EHWPOISON')
    .with('sigbus', (): Errno => 'EFAULT')
    .exhaustive();

export type GupPage = { readonly ok: true; readonly pfn: Pfn } | { readonly ok: false; readonly errno: Errno };

export function getUserPage(ctx: Ctx, procId: ProcId, vpn: Vpn, write: boolean): GupPage {
  const pte = ctx.s.procs[procId]!.ptes[vpn];
  const followable = pte !== undefined && (pte.kind === 'present' || pte.kind === 'present-devmap') && (pte.write || !write);
  if (followable) return { ok: true, pfn: pte.pfn };
  const r = handleMmFault(ctx, procId, vpn, write);
  return r.ok ? r : { ok: false, errno: gupFaultErrno(r.error) };
}
