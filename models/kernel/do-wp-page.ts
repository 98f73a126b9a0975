// Write faults on a read-only PTE (mm/memory.c do_wp_page): reuse the page
// in place when the proposal's wp_can_reuse_anon_folio allows it, else copy
// it into new system RAM (wp_page_copy).
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import { NO_CTX } from './hook-views.ts';
import { type KernelState, type Proc, type Pte, type Vma, linear_page_index, slotOf } from './kstate.ts';
import { PG_anon } from './memmap.ts';
import { type FaultResult, OOM } from './fault-result.ts';
import { new_anon_folio } from './new-anon-folio.ts';
import { alloc_page } from './page-alloc.ts';
import { ptep_clear_mapped, set_pte_mapped } from './pgtable.ts';
import { folio_put } from './swap.ts';

/**
 * do_wp_page (mm/memory.c): a write to a read-only PTE. Shared mappings
 * become writable (wp_page_shared); the zero page and page-cache pages of a
 * private mapping are copied (wp_page_copy); an anon folio is reused in place
 * when wp_can_reuse_anon_folio finds this mapping its only reference (above
 * the era's ZONE_DEVICE base), else copied into new system RAM (HT-26).
 */
export function do_wp_page(k: KernelState, p: Proc, vma: Vma, vpn: number, pte: Pte): FaultResult {
  const slot = slotOf(k, pte.pfn);
  if (vma.shared) {
    pte.write = true;
    return { ok: true, slot };
  }
  if (slot !== ZERO_PFN && k.mem.has(slot, PG_anon) && k.hooks.wp_can_reuse_anon_folio(folioView(k, slot), NO_CTX)) {
    pte.write = true;
    return { ok: true, slot };
  }
  const copied = wp_page_copy(k, p, vpn, slot);
  if (copied.ok) k.ghost.cow(p.num, vpn, vma.file, vma.shared, linear_page_index(vma, vpn));
  return copied;
}

/** wp_page_copy (mm/memory.c): copy into a new anon system page, charged and writable; the old page loses this mapping. */
function wp_page_copy(k: KernelState, p: Proc, vpn: number, old: number): FaultResult {
  const slot = alloc_page(k);
  if (slot < 0) return OOM;
  k.mem.data[slot] = k.mem.data[old] ?? 0;
  new_anon_folio(k, slot, p.memcg);
  const put = ptep_clear_mapped(k, p, vpn, null); // a read-only private PTE: never dirty
  set_pte_mapped(k, p, vpn, { kind: 'present', pfn: k.mem.pfn[slot] ?? -1, write: true });
  if (put >= 0) folio_put(k, put);
  folio_put(k, slot);
  return { ok: true, slot };
}
