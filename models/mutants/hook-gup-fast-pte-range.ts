// hook-gup-fast-pte-range: gup_fast_pte_range's re-read after the grab
// compares the pfn only. A fork that ran between the lockless read and the
// grab saw no pin, so it write-protected the parent's PTE and shared the
// page with the child instead of copying it (folio_needs_cow_for_dma);
// the pin is kept on a page both processes map read-only, and the
// parent's next write COWs it away from the device's DMA. A race: only
// `check --threads` (the mutant's focus) and explore's thread steps can
// see it. (Upstream also has mm->write_protect_seq, 57efa1fe5957, for the
// window inside fork between its pin check and its write-protect; the
// model's fork is one step, so that window does not exist here.)
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-gup-fast-pte-range',
  kind: 'hook',
  fault: "gup_fast_pte_range's re-read after try_grab_folio_fast compares the pfn only: a fork that write-protected the PTE meanwhile goes unseen",
  proposal: {
    extends: 'upstream',
    hooks: {
      gup_fast_pte_range: (_folio, { read, now }) => now !== null && now.pfn === read.pfn,
    },
  },
  budget: { runs: 1000, maxCommands: 30 },
  focus: { ops: ['mmap', 'cpu_write', 'pin_user_pages', 'fork'], threads: true },
});
