// mm/memory.c: do_swap_page on a device-private entry → the owner's
// pgmap->ops->migrate_to_ram (lib/test_hmm.c: dmirror_devmem_fault), which
// migrates that one page back to a new system page with fault_page set
// (migrate_vma_setup → migrate_vma_pages → migrate_vma_finalize). The new
// page keeps the entry's write bit (remove_migration_pte); every other
// mapping of the device page follows it (try_to_migrate + remove_migration_ptes).
import type { Pfn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { type FaultOutcome, faultFailed, faulted } from './fault-outcome.ts';
import { migrateFinalize, migratePage, newBatch } from './migrate-pages.ts';

export function doSwapPage(ctx: Ctx, devicePfn: Pfn): FaultOutcome {
  const batch = newBatch();
  const r = migratePage(ctx, batch, devicePfn, { to: 'system' });
  migrateFinalize(ctx, batch);
  if (r.moved) return faulted(r.dst);
  // dmirror_devmem_fault: allocation failure is VM_FAULT_OOM. A device-private
  // page cannot carry FOLL_GET refs or pins (GUP faults it back first), so the
  // refcount check does not fail in practice; if it did, the driver could not
  // bring the data back: VM_FAULT_SIGBUS.
  return faultFailed(r.reason === 'alloc' ? 'oom' : 'sigbus');
}
