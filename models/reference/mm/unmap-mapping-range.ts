// mm/memory.c: unmap_mapping_range / unmap_mapping_pages with even_cows 0
// over file indices [start, end): every present PTE of a VMA of the file
// that maps one of the file's pages of the range is zapped; private COW
// copies (anonymous memory now) and hwpoison entries stay
// (should_zap_cows). `ours` names the file's pages (its page cache, or its
// dax frames).
import type { FileId, Pfn, ProcId } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { linearPageIndex } from './vma.ts';
import { zapPteRange } from './zap-pte-range.ts';

export function unmapMappingRange(ctx: Ctx, fileId: FileId, start: number, end: number, ours: (pfn: Pfn) => boolean): void {
  for (const procId of Object.keys(ctx.s.procs) as ProcId[]) {
    // zap_pte_range copies the process into the draft: each PTE is read from the current copy.
    for (const vma of ctx.s.procs[procId]!.vmas) {
      if (vma.file !== fileId) continue;
      for (let vpn = vma.start; vpn < vma.start + vma.npages; vpn++) {
        const index = linearPageIndex(vma, vpn);
        const pte = ctx.s.procs[procId]!.ptes[vpn];
        if (index < start || index >= end || !pte || (pte.kind !== 'present' && pte.kind !== 'present-devmap') || !ours(pte.pfn)) continue;
        zapPteRange(ctx, procId, vpn, 1);
      }
    }
  }
}
