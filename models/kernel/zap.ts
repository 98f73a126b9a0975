// Tearing mappings down (mm/memory.c zap_pte_range, mm/truncate.c).
import type { KernelState, Proc } from './kstate.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { release_pages } from './swap.ts';

/**
 * zap_pte_range (mm/memory.c): clear every PTE in [start, end) — present
 * (zap_present_ptes), device-private/exclusive (zap_nonpresent_ptes),
 * hwpoison (just cleared) — and drop the mapping references in one batch.
 */
export function zap_pte_range(k: KernelState, p: Proc, start: number, end: number): void {
  const batch: number[] = [];
  for (let vpn = start; vpn < end; vpn++) {
    const put = ptep_clear_mapped(k, p, vpn);
    if (put >= 0) batch.push(put);
  }
  release_pages(k, batch);
}

/** truncate_inode_pages_final (mm/truncate.c): the last mapping of a file went; its page cache is dropped. */
export function truncate_inode_pages_final(k: KernelState, file: number): void {
  const f = k.files.get(file);
  if (!f || f.kind === 'dax') return;
  const batch: number[] = [];
  for (const pfn of f.pages.values()) {
    k.mem.file[pfn] = -1; // system RAM: slot == pfn
    k.mem.fileIndex[pfn] = -1;
    batch.push(pfn);
  }
  f.pages.clear();
  release_pages(k, batch);
}
