// Events an operation reports besides its result and next state: what the
// transitional invariants (pinned-not-migrated, memcg-target, owner-isolation,
// coherent-evictable) judge. Both models emit them; the refinement check
// compares results and states, not events.
import type { McTarget, Pfn, ProcId } from './vocabulary.ts';

export type ZdEvent =
  /** A page moved: data copied from → to, every mapping of `from` now maps `to`. */
  | { readonly ev: 'migrate'; readonly from: Pfn; readonly to: Pfn }
  /**
   * A page selected for migration that did not move, and why:
   * 'refs' — migrate_vma_check_page / folio still mapped after try_to_migrate;
   * 'alloc' — no destination page (allocation failed);
   * 'not-anon' — __migrate_device_pages refuses a page with a mapping;
   * 'waiter' — a task faulting on the page's migration entry held a page
   *   reference while it waited (__migration_entry_wait before v5.0's
   *   put_and_wait_on_page_locked), so the count checks failed: a reference
   *   no GUP handle explains, transient inside the operation.
   */
  | { readonly ev: 'migrate-skip'; readonly pfn: Pfn; readonly reason: 'refs' | 'alloc' | 'not-anon' | 'waiter' }
  /** get_mctgt_type's classification of a page met by mem_cgroup_move_task. */
  | { readonly ev: 'mctgt'; readonly pfn: Pfn; readonly target: McTarget }
  /**
   * A device (owner) read, wrote or reported a frame through hmm_range_fault
   * without faulting it (the frame stays where it was).
   */
  | { readonly ev: 'device-access'; readonly pfn: Pfn; readonly owner: string }
  /** memory_failure killed a process mapping a poisoned frame. */
  | { readonly ev: 'sigbus'; readonly proc: ProcId; readonly pfn: Pfn };
