// hook-flush-tlb-range: migrate_vma_collect_pmd flushes the TLB for the PTEs
// it cleared only after pte_unmap_unlock — the kernel before acf4387e553e
// ("mm/migrate_device.c: flush TLB while holding PTL", v6.0, Cc stable;
// Fixes 8c3328f1f36a, v4.14). A madvise(MADV_DONTNEED) in that window takes
// the PTL, zaps the migration entry and returns; a CPU still reads the old
// page through its stale translation, where a sequential run reads zero. A
// race: only `check --threads` (the mutant's focus) and explore's thread
// steps can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-flush-tlb-range',
  kind: 'hook',
  fault: 'migrate_vma_collect_pmd flushes the TLB after pte_unmap_unlock: a CPU reads a page through a stale translation after madvise(MADV_DONTNEED) returned',
  proposal: {
    extends: 'upstream',
    hooks: {
      flush_tlb_range: () => 'unlock-then-flush',
    },
  },
  // Eight steps, three of them while t1 is paused, where most commands wait and are skipped.
  budget: { runs: 40000, maxCommands: 25 },
  focus: { ops: ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device', 'madvise_dontneed', 'cpu_read'], types: ['PRIVATE'], threads: true },
});
