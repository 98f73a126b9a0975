// mm/memory.c: do_cow_fault — a write fault on pte_none in a private
// file-backed (or private shmem) VMA: the COW page is allocated first
// (alloc_page_vma), then the page-cache page is read (__do_fault), copied
// into it, and the copy is mapped writable. The page-cache page stays
// cached, unmapped.
import type { AbsVma } from '../../state.ts';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableFrame, writableProc } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { allocSystemPage } from './alloc-page.ts';
import { type FaultOutcome, faultFailed, faulted } from './fault-outcome.ts';
import { filemapFault } from './filemap-fault.ts';
import { folioPut } from './folio-put.ts';
import { cowSnapshot } from './cow-snapshot.ts';

export function doCowFault(ctx: Ctx, procId: ProcId, vma: AbsVma, vpn: Vpn): FaultOutcome {
  const cow = allocSystemPage(ctx, { data: 0, memcg: ctx.s.procs[procId]!.memcg, anon: true });
  if (cow === null) return faultFailed('oom');
  const src = filemapFault(ctx, procId, vma, vpn);
  if (!src.ok) {
    // The COW page goes back (put_page(vmf->cow_page)).
    folioPut(ctx, cow);
    return src;
  }
  writableFrame(ctx, cow).data = frameOf(ctx, src.pfn).data;
  cowSnapshot(ctx, procId, vma, vpn);
  writableProc(ctx, procId).ptes[vpn] = { kind: 'present', pfn: cow, write: true };
  return faulted(cow);
}
