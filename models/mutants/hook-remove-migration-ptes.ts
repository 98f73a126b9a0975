// hook-remove-migration-ptes: when a migration ends, remove_migration_ptes
// rebuilds only the migration entries try_to_migrate installed, instead of
// walking the folio's rmap again — a patch that keeps migrate_vma_setup's
// list to save the walk. Atomically they are the same entries. But once
// migrate_vma_setup returned, another process that maps the page may fork
// before the driver's migrate_vma_pages: copy_nonpresent_pte copies its
// migration entry into the child, the list does not name it, and the
// child is left with a migration entry for a page that is gone — its next
// access faults on it for ever (the model: SIGBUS where the reference
// reads the value). A race: only `check --threads` (the mutant's focus)
// and explore's thread steps can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-remove-migration-ptes',
  kind: 'hook',
  fault: 'remove_migration_ptes rebuilds only the migration entries the migration installed: one a fork copied into a child meanwhile is left standing',
  proposal: {
    extends: 'upstream',
    hooks: {
      remove_migration_ptes: () => 'installed',
    },
  },
  budget: { runs: 20000, maxCommands: 30 },
  focus: { ops: ['memremap_pages', 'mmap', 'cpu_write', 'fork', 'migrate_to_device'], types: ['PRIVATE'], threads: true },
});
