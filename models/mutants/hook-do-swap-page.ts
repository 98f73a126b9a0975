// hook-do-swap-page: do_swap_page takes its reference on the device-private
// page after dropping the PTE lock, as before 16ce101db85d ("fix race when
// faulting a device private page"): a migration of the page that runs in
// between (the driver evicting it) frees it, and the fault then references
// and puts a free page — freed twice. A race: only `check --threads` (the
// mutant's focus) and explore's thread steps can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-do-swap-page',
  kind: 'hook',
  fault: 'do_swap_page takes its page reference after pte_unmap_unlock, when a concurrent migration may already have freed the page',
  proposal: {
    extends: 'upstream',
    hooks: {
      do_swap_page: () => 'unlock-then-get',
    },
  },
  budget: { runs: 400, maxCommands: 30 },
  focus: { ops: ['migrate_to_device', 'migrate_to_ram', 'migrate_device_range', 'cpu_read', 'cpu_write'], types: ['PRIVATE'], threads: true },
});
