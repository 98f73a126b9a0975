// mm/memory.c: remove_device_exclusive_entry → restore_exclusive_pte — any
// CPU access ends device exclusivity: the original present PTE comes back,
// writable (maybe_mkwrite: only while the VMA allows writes).
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { type FaultOutcome, faulted } from './fault-outcome.ts';
import { vmaAt } from './vma.ts';

export function removeDeviceExclusiveEntry(ctx: Ctx, procId: ProcId, vpn: Vpn): FaultOutcome {
  const proc = writableProc(ctx, procId);
  const pte = proc.ptes[vpn]!;
  const vma = vmaAt(proc, vpn);
  proc.ptes[vpn] = { kind: 'present', pfn: pte.pfn, write: pte.write && vma?.prot === 'write' };
  return faulted(pte.pfn);
}
