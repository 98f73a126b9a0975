// mm/memory.c: do_wp_page — a write to a present read-only PTE.
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { type FaultOutcome, faulted } from './fault-outcome.ts';
import { hasNoUnexpectedRefs, usersOf } from './folio-users.ts';
import { vmaAt } from './vma.ts';
import { wpPageCopy } from './wp-page-copy.ts';
import { cowSnapshot } from './cow-snapshot.ts';

export function doWpPage(ctx: Ctx, procId: ProcId, vpn: Vpn): FaultOutcome {
  const proc = writableProc(ctx, procId);
  const pte = proc.ptes[vpn]!;
  const vma = vmaAt(proc, vpn)!;
  // wp_page_shared / wp_pfn_shared: a shared mapping is made writable in place.
  if (vma.shared) {
    pte.write = true;
    return faulted(pte.pfn);
  }
  const frame = frameOf(ctx, pte.pfn);
  // wp_page_reuse when wp_can_reuse_anon_folio: an anonymous folio (system
  // RAM, COHERENT or PUBLIC) whose only user is this mapping (refcount 1).
  // The zero page and page-cache pages are never anon, so they are copied.
  if (pte.pfn !== ZERO_PFN && frame.anon) {
    const u = usersOf(ctx.s, pte.pfn);
    if (u.maps === 1 && u.pagecache === 0 && hasNoUnexpectedRefs(u)) {
      pte.write = true;
      return faulted(pte.pfn);
    }
  }
  const copied = wpPageCopy(ctx, procId, vpn, pte.pfn);
  if (copied.ok) cowSnapshot(ctx, procId, vma, vpn);
  return copied;
}
