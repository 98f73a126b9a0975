// The TLB, where a bug needs it (issue 12): a translation of a PTE that was
// cleared and not yet flushed, which a CPU of the process may still use. The
// only such window in the model is a driver migration paused in
// migrate_vma_collect_pmd with its flush_tlb_range left for after
// pte_unmap_unlock (threads.ts, the proposal's flush_tlb_range); everywhere
// else the model flushes under the PTL, as the kernel does.
import type { KernelState, StaleTranslation } from './kstate.ts';

/** The stale translation a CPU of process `proc` may hit for `vpn`, if any. */
export function stale_tlb_entry(k: KernelState, proc: number, vpn: number): StaleTranslation | undefined {
  for (const t of k.threads.values()) {
    if (!('collect' in t) || t.collect.proc !== proc) continue;
    const hit = t.collect.stale.find((s) => s.vpn === vpn);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
