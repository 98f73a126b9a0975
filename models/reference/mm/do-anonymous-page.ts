// mm/memory.c: do_anonymous_page — the first touch of an anonymous private
// page: a read maps the shared zero page read-only; a write allocates a
// zeroed page charged to the process (mem_cgroup_charge / folio_add_new_
// anon_rmap) and maps it writable.
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { allocSystemPage } from './alloc-page.ts';
import { type FaultOutcome, faultFailed, faulted } from './fault-outcome.ts';

export function doAnonymousPage(ctx: Ctx, procId: ProcId, vpn: Vpn, write: boolean): FaultOutcome {
  const proc = writableProc(ctx, procId);
  if (!write) {
    proc.ptes[vpn] = { kind: 'present', pfn: ZERO_PFN, write: false };
    return faulted(ZERO_PFN);
  }
  const pfn = allocSystemPage(ctx, { data: 0, memcg: proc.memcg, anon: true });
  if (pfn === null) return faultFailed('oom');
  proc.ptes[vpn] = { kind: 'present', pfn, write: true };
  return faulted(pfn);
}
