// migrate_vma_collect_pmd (mm/migrate_device.c) flushes the TLB for the
// present PTEs it replaced by migration entries before pte_unmap_unlock:
// acf4387e553e ("mm/migrate_device.c: flush TLB while holding PTL", v6.0,
// Cc stable; read in the current migrate_vma_collect_pmd: "if (unmapped)
// flush_tlb_range(walk->vma, start, end);" then "pte_unmap_unlock(ptep - 1,
// ptl);"). Before it the flush came after the unlock, and a
// madvise(MADV_DONTNEED) in between found the entry cleared and returned
// while a CPU could still reach the page through its stale translation.
// Since v5.19 an anon-exclusive page is cleared with ptep_clear_flush (its
// own flush) anyway. The model applies the fix in every era, as it does
// BUG-09's (fd35ca3d12cc, the same series, also Cc stable).
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const flush_tlb_range =
  (_era: Era): Hooks['flush_tlb_range'] =>
  () =>
    'flush-then-unlock';
