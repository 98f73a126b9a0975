// hook-remove-migration-pte: remove_migration_pte makes every entry it rebuilds writable, the read-only ones of a COW mapping too.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-remove-migration-pte',
  kind: 'hook',
  fault: 'remove_migration_pte makes every entry it rebuilds writable, the read-only ones of a COW mapping too',
  proposal: {
    extends: 'upstream',
    hooks: {
      remove_migration_pte: () => true,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
