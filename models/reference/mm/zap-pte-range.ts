// mm/memory.c: zap_pte_range / zap_nonpresent_ptes — clear every PTE of the
// range: a present, devmap, device-private or device-exclusive PTE drops its
// rmap and page reference (folio_remove_rmap_pte + folio_put), a dirty one
// dirtying its page first (zap_present_folio_ptes); a hwpoison entry just
// goes.
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { rangeOf } from '../handles.ts';
import { folioPut } from './folio-put.ts';
import { markDirtyFromPte } from './pte-dirty.ts';

export function zapPteRange(ctx: Ctx, procId: ProcId, vpn: Vpn, npages: number): void {
  const proc = writableProc(ctx, procId);
  for (const v of rangeOf(vpn, npages)) {
    const pte = proc.ptes[v];
    if (pte === undefined) continue;
    delete proc.ptes[v];
    markDirtyFromPte(ctx, pte);
    if (pte.kind !== 'hwpoison') folioPut(ctx, pte.pfn);
  }
}
