// hook-gup-fast: gup_fast of a FOLL_PIN call does not look at
// mm->write_protect_seq — the kernel before 57efa1fe5957 ("mm/gup: prevent
// gup_fast from racing with COW during fork", v5.11). A fork that decided
// to share an anon page (not pinned yet) and has not write-protected the
// parent's PTE lets a fast pin through that writable PTE; fork then
// write-protects it, the page stays shared with the child, and the
// parent's next write COWs away from the page the device DMAs to. A race:
// only `check --threads` (the mutant's focus) and explore's thread steps
// can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-gup-fast',
  kind: 'hook',
  fault: 'gup_fast ignores mm->write_protect_seq: a fast pin goes through a parent PTE fork decided to share but has not write-protected yet',
  proposal: {
    extends: 'upstream',
    hooks: {
      gup_fast: () => false,
    },
  },
  // A writable private anon page, a fork paused on it, a fast pin before the resume: rare (seed 1 needed 41,134 runs; seeds 2 and 3 a few thousand).
  budget: { runs: 50000, maxCommands: 15 },
  focus: { ops: ['mmap', 'cpu_write', 'fork', 'pin_user_pages'], threads: true },
});
