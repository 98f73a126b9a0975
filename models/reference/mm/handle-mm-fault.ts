// mm/memory.c: handle_mm_fault → handle_pte_fault for one vpn, read or
// write, after the caller checked the VMA and its permissions. Ends with a
// present PTE (writable for a write) or a fault error.
import { match } from 'ts-pattern';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { doAnonymousPage } from './do-anonymous-page.ts';
import { doFault } from './do-fault.ts';
import { doSwapPage } from './do-swap-page.ts';
import { doWpPage } from './do-wp-page.ts';
import { type FaultOutcome, faultFailed, faulted } from './fault-outcome.ts';
import { removeDeviceExclusiveEntry } from './remove-device-exclusive-entry.ts';
import { vmaAt } from './vma.ts';

/** Reach a present PTE: fault in pte_none, migrate a device-private page back, end exclusivity. */
function faultInPresent(ctx: Ctx, procId: ProcId, vpn: Vpn, write: boolean): FaultOutcome {
  const proc = ctx.s.procs[procId]!;
  const pte = proc.ptes[vpn];
  if (pte === undefined) {
    const vma = vmaAt(proc, vpn)!;
    return vma.kind === 'anon' && !vma.shared ? doAnonymousPage(ctx, procId, vpn, write) : doFault(ctx, procId, vma, vpn, write);
  }
  return (
    match(pte.kind)
      .with('present', 'present-devmap', () => faulted(pte.pfn))
      .with('device-private', () => doSwapPage(ctx, pte.pfn))
      .with('device-exclusive', () => removeDeviceExclusiveEntry(ctx, procId, vpn))
      // A poisoned page: VM_FAULT_HWPOISON (do_swap_page on a hwpoison entry).
      .with('hwpoison', () => faultFailed('hwpoison'))
      .exhaustive()
  );
}

export function handleMmFault(ctx: Ctx, procId: ProcId, vpn: Vpn, write: boolean): FaultOutcome {
  const reached = faultInPresent(ctx, procId, vpn, write);
  if (!reached.ok || !write) return reached;
  const pte = ctx.s.procs[procId]!.ptes[vpn]!;
  return pte.write ? reached : doWpPage(ctx, procId, vpn);
}
