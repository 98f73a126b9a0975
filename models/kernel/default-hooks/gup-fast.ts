// gup_fast (mm/gup.c) of a FOLL_PIN call reads mm->write_protect_seq
// before it walks the page tables and gives up (the caller takes the slow
// path, which waits for the mmap_lock fork holds for writing) when the
// count is odd: a fork is in copy_page_range, between deciding to share a
// page (folio_try_dup_anon_rmap_pte: not pinned) and write-protecting the
// parent's PTE. "mm/gup: prevent gup_fast from racing with COW during
// fork" (57efa1fe5957, v5.11; read in the current gup_fast: "if (gup_flags
// & FOLL_PIN) { seq = raw_read_seqcount(&current->mm->write_protect_seq);
// if (seq & 1) return 0; }"). FOLL_GET does not look: it takes no pin fork
// would have to copy for. The model applies the v5.11 fork and pin rules
// (this one, and 70e806e4e645's copy of a pinned page) in every era.
import type { Era } from '../../eras/era.ts';
import type { Hooks } from '../hooks.ts';

export const gup_fast =
  (_era: Era): Hooks['gup_fast'] =>
  (_folio, { pin }) =>
    pin;
