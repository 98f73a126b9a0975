// mm/memory.c: wp_page_copy — copy-on-write: a new anonymous system page
// (COW never allocates device memory, HT-26) with the old page's data,
// charged to the faulting process, mapped writable; the old frame loses this
// mapping (and is freed if that was its last user).
import type { Pfn, ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { allocSystemPage } from './alloc-page.ts';
import { type FaultOutcome, faultFailed, faulted } from './fault-outcome.ts';
import { folioPut } from './folio-put.ts';

export function wpPageCopy(ctx: Ctx, procId: ProcId, vpn: Vpn, old: Pfn): FaultOutcome {
  const pfn = allocSystemPage(ctx, { data: frameOf(ctx, old).data, memcg: ctx.s.procs[procId]!.memcg, anon: true });
  if (pfn === null) return faultFailed('oom');
  writableProc(ctx, procId).ptes[vpn] = { kind: 'present', pfn, write: true };
  folioPut(ctx, old);
  return faulted(pfn);
}
