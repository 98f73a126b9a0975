// Tearing mappings down (mm/memory.c zap_pte_range).
import type { KernelState, Proc } from './kstate.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { release_pages } from './swap.ts';

/**
 * zap_pte_range (mm/memory.c): clear every PTE in [start, end) — present
 * (zap_present_ptes: a dirty PTE dirties its folio first), device-private/
 * exclusive (zap_nonpresent_ptes), hwpoison (just cleared) — and drop the
 * mapping references in one batch.
 */
export function zap_pte_range(k: KernelState, p: Proc, start: number, end: number): void {
  const batch: number[] = [];
  for (let vpn = start; vpn < end; vpn++) {
    const put = ptep_clear_mapped(k, p, vpn, 'zap_pte_range');
    if (put >= 0) batch.push(put);
  }
  release_pages(k, batch);
}
