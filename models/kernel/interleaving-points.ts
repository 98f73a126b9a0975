// The interleaving points of the kernel model (issue 12): where a kernel
// path drops a lock or publishes state and another CPU may run before it
// goes on. A thread (threads.ts) pauses only at a point listed here; each
// names the kernel code it models, the operations whose threads reach it,
// what the code before it guarantees to the code after it, and the mutant
// that moves the guarded step across it (models/mutants/). The Next
// relation's thread commands (src/check/) start and resume threads at these
// points and nowhere else.
import type { OpName } from '../ops.ts';

export interface InterleavingPoint {
  /** Where the kernel path is when it pauses ("function: the call it just made"). */
  readonly kernel: string;
  /** Operations that may start as a thread and pause here. */
  readonly ops: readonly OpName[];
  /** What is held across the point, and why it must be taken before it. */
  readonly guards: string;
  /** The mutant that takes the guarded step after the point instead. */
  readonly mutant: string;
  /**
   * 'undone': the work before the point is a whole call of the operation
   * that the kernel took back itself (a long-term pin's round that pinned,
   * migrated and unpinned, then -EAGAIN), so the history the
   * linearizability check explains has the operation twice — up to the
   * point, as the call and the undo of its result, and after it, as the
   * call again. Absent: the operation is one, from its start to its return.
   */
  readonly history?: 'undone';
}

export const INTERLEAVING_POINTS = {
  'do_swap_page: pte_unmap_unlock': {
    kernel: "mm/memory.c do_swap_page (device-private entry; from a CPU fault or GUP's faultin_page)",
    ops: ['cpu_read', 'cpu_write', 'get_user_pages', 'pin_user_pages'],
    guards: 'the page reference taken under the PTE lock (16ce101db85d) makes a concurrent migrate_vma_check_page refuse the page, so it is not migrated and freed before migrate_to_ram runs',
    mutant: 'hook-do-swap-page',
  },
  'migrate_vma_collect_pmd: pte_unmap_unlock': {
    kernel:
      "mm/migrate_device.c migrate_vma_collect_pmd (a driver's migrate_vma_setup, under the caller's mmap_read_lock): its present PTEs replaced by migration entries and their pages locked, past pte_unmap_unlock, before migrate_device_unmap",
    ops: ['migrate_to_device', 'migrate_to_ram'],
    guards:
      'the TLB flush for the PTEs it cleared, issued before the PTL is dropped (acf4387e553e): a madvise(MADV_DONTNEED) that then takes the PTL and zaps the migration entry returns with no CPU still reaching the page through a stale translation',
    mutant: 'hook-flush-tlb-range',
  },
  'migrate_vma_setup: migrate_device_unmap': {
    kernel:
      "mm/migrate_device.c migrate_vma_setup (a driver's, under its mmap_read_lock): migrate_device_unmap's try_to_migrate made every mapping of the collected pages a migration entry — another process's too — and the pages are locked; returned to the driver, before its copy and migrate_vma_pages",
    ops: ['migrate_to_device', 'migrate_to_ram'],
    guards:
      "remove_migration_ptes walks the folio's rmap when the migration ends, so a migration entry another process's fork copied into a child meanwhile (copy_nonpresent_pte) is rebuilt too, not left standing for a page that is gone",
    mutant: 'hook-remove-migration-ptes',
  },
  'migrate_device_finalize: folio_putback_lru': {
    kernel: 'mm/migrate_device.c __migrate_device_finalize (an entry that moved, between its LRU additions and its folio_puts)',
    ops: ['migrate_to_device', 'migrate_to_ram'],
    guards: 'only the folio that survives goes on the LRU (v6.14); the source that moved, uncharged since mem_cgroup_migrate, must not be seen there before the put that frees it (BUG-15)',
    mutant: 'bug-15-finalize-putback-dying',
  },
  'memory_failure: get_dev_pagemap': {
    kernel:
      "mm/memory-failure.c memory_failure (a ZONE_DEVICE pfn named by pgmap and index, under mf_mutex): past get_dev_pagemap's rcu_read_unlock and put_ref_page, before memory_failure_dev_pagemap",
    ops: ['memory_failure'],
    guards:
      'the pgmap reference taken under rcu_read_lock (percpu_ref_tryget_live_rcu) keeps memunmap_pages waiting for it, so the pgmap memory_failure works on is not killed and torn down before put_dev_pagemap',
    mutant: 'hook-get-dev-pagemap-ref',
  },
  'gup_fast_pte_range: ptep_get_lockless': {
    kernel:
      'mm/gup.c gup_fast_pte_range (get_user_pages_fast / pin_user_pages_fast, local interrupts off, no lock): past the lockless read of a present PTE that permits the access, before try_grab_folio_fast',
    ops: ['get_user_pages', 'pin_user_pages'],
    guards:
      'the PTE read again after the grab must hold the value read before it (pte_val(pte) != pte_val(ptep_get(ptep)) drops the reference and falls back): a fork that write-protected the entry and shared the page with its child, or a zap or migration that cleared it, did not see the reference',
    mutant: 'hook-gup-fast-pte-range',
  },
  'memunmap_pages: wait_for_completion': {
    kernel: "mm/memremap.c memunmap_pages (the driver's teardown of a pgmap): percpu_ref_kill, then wait_for_completion(&pgmap->done) returned (no reference left), before pageunmap_range",
    ops: ['memunmap_pages'],
    guards:
      'percpu_ref_kill, before the wait: from then on percpu_ref_tryget_live fails, so no get_dev_pagemap or zone_device_page_init (the driver handing a page out) takes a reference after the wait saw the last one go, and no page is in use when pageunmap_range tears the range down',
    mutant: 'hook-memunmap-pages-kill',
  },
  'free_zone_device_folio: page_free': {
    kernel:
      "mm/memremap.c free_zone_device_folio (the final put of a MEMORY_DEVICE_PRIVATE or COHERENT page whose pgmap reference is per allocation, v6.1+, by put_page, unpin_user_page or munmap's zap): between the driver's page_free and put_dev_pagemap",
    ops: ['put_page', 'unpin_user_page', 'munmap'],
    guards: "the page's pgmap reference, put only after page_free returned, keeps memunmap_pages waiting, so the driver's per-pgmap free list page_free works on is not torn down under it",
    mutant: 'hook-free-zone-device-folio-ref',
  },
  '__gup_longterm_locked: migrate_longterm_unpinnable_folios': {
    kernel:
      "mm/gup.c __gup_longterm_locked (pin_user_pages with FOLL_LONGTERM of a MEMORY_DEVICE_COHERENT page): migrate_longterm_unpinnable_folios dropped the pin, migrate_device_coherent_folio moved the folio and -EAGAIN came back; before the next round's __get_user_pages_locked, with no pin held and, for pin_user_pages_fast's fallback, no mmap_lock",
    ops: ['pin_user_pages'],
    guards:
      'the next round walks the page tables again: the pin is taken on the page the address maps then, whatever a fork and COW, a zap, munmap or another migration made of the copy in between, never on the destination the migration left',
    mutant: 'hook-longterm-pin-destination',
    // check_and_migrate_movable_pages: "-EAGAIN: ... migrate those folios away, unpin all the folios in the range ... The caller should re-pin the entire range".
    history: 'undone',
  },
  'copy_present_ptes: folio_try_dup_anon_rmap_pte': {
    kernel:
      "mm/memory.c copy_present_ptes (fork's copy_page_range, under both PTLs and the parent's mmap_write_lock, write_protect_seq odd): an anon page shared with the child, not pinned, before ptep_set_wrprotect of the parent's PTE",
    ops: ['fork'],
    guards:
      'gup_fast of a FOLL_PIN call backs off while write_protect_seq is odd (57efa1fe5957), so no pin is taken through the still-writable parent PTE on a page fork already decided to share rather than copy',
    mutant: 'hook-gup-fast',
  },
} as const satisfies Record<string, InterleavingPoint>;

export type InterleavingLabel = keyof typeof INTERLEAVING_POINTS;

/** The label's point (a thread's progress names it). */
export const interleavingPoint = (label: string): InterleavingPoint | undefined => (INTERLEAVING_POINTS as Record<string, InterleavingPoint>)[label];
