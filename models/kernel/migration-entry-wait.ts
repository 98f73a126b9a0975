// A CPU access that finds a migration entry (mm/memory.c do_swap_page:
// "if (is_migration_entry(entry)) migration_entry_wait(...)"): the task
// waits for the page to be unlocked — the migration done — and the fault is
// retried. What it does with a page reference while it waits is the era's
// (era.migrationEntryWaitRef): v4.14's __migration_entry_wait holds one
// (get_page_unless_zero … wait_on_page_locked … put_page), v5.0–v5.18's
// put_and_wait_on_page_locked drops it as it goes to sleep, and since v5.19
// migration_entry_wait_on_locked (mm/filemap.c) takes none.
import { match } from 'ts-pattern';
import { type KernelState, type Proc, slotOf } from './kstate.ts';
import type { MigrationRacer } from './migrate-vma-collect.ts';
import { put_ref_page, take_extra_ref } from './put-ref-page.ts';

export interface MigrationEntryWaiter {
  /** Lands the access on the page being checked, if its PTE is that page's migration entry. */
  readonly racer: MigrationRacer;
  /** The page was unlocked (migrate_vma_finalize): the task wakes and drops what it held. */
  readonly wake: () => void;
}

export function migration_entry_wait(k: KernelState, q: Proc, vpn: number): MigrationEntryWaiter {
  let landed = false;
  let held = -1;
  const racer: MigrationRacer = (e) => {
    const pte = q.ptes.get(vpn);
    if (landed || pte?.kind !== 'migration' || slotOf(k, pte.pfn) !== e.src) return;
    landed = true;
    match(k.era.migrationEntryWaitRef)
      .with('none', () => undefined)
      .with('dropped-before-wait', () => {
        if (take_extra_ref(k, e.src)) put_ref_page(k, e.src, 'migration_entry_wait');
      })
      .with('held', () => {
        if (!take_extra_ref(k, e.src)) return;
        held = e.src;
        e.waiter = true; // the count checks now see it (migrate-skip 'waiter')
      })
      .exhaustive();
  };
  const wake = () => {
    if (held >= 0) put_ref_page(k, held, 'migration_entry_wait');
  };
  return { racer, wake };
}
