// hook-longterm-pin-destination: once migrate_longterm_unpinnable_folios
// moved a MEMORY_DEVICE_COHERENT folio, the long-term pin is taken on the
// destination folio the migration returned instead of walking the page
// tables again — a patch that saves __gup_longterm_locked its second round. Atomically the destination is
// the copy the PTE maps, so nothing shows. Between the rounds no pin is
// held and the fast path's fallback holds no mmap_lock: a munmap (or
// madvise(MADV_DONTNEED)) frees the copy, or a fork and a write give the
// process another page, and the pin lands on a page the address no longer
// maps. A race: only `check --threads` (the mutant's focus) and explore's
// thread steps can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-longterm-pin-destination',
  kind: 'hook',
  fault: "after migrating an unpinnable folio, the long-term pin is taken on the migration's destination without walking the page tables again: what ran between the rounds is not seen",
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_longterm_unpinnable_folios: () => 'destination',
    },
  },
  budget: { runs: 2000, maxCommands: 30 },
  focus: { ops: ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device', 'pin_user_pages', 'munmap', 'madvise_dontneed', 'fork'], types: ['COHERENT'], threads: true },
});
