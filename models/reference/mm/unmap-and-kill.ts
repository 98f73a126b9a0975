// mm/memory-failure.c: collect_procs + unmap_and_kill (try_to_unmap with
// TTU_HWPOISON, kill_procs) — every PTE of every process mapping the
// poisoned frame becomes a hwpoison entry (its rmap and reference go) and
// each such process gets one SIGBUS.
import type { Pfn, ProcId } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';

export function unmapAndKill(ctx: Ctx, pfn: Pfn): void {
  for (const procId of Object.keys(ctx.s.procs) as ProcId[]) {
    let hit = false;
    for (const [vpn, pte] of Object.entries(ctx.s.procs[procId]!.ptes)) {
      if (pte.pfn !== pfn || pte.kind === 'hwpoison') continue;
      writableProc(ctx, procId).ptes[Number(vpn)] = { kind: 'hwpoison', pfn, write: false };
      hit = true;
    }
    if (!hit) continue;
    writableProc(ctx, procId).sigbus += 1;
    ctx.events.push({ ev: 'sigbus', proc: procId, pfn });
  }
}
