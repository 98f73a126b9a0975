// bug-09-collect-drops-dirty: migrate_vma_collect_pmd cleared a present PTE for a migration entry and dropped its dirty bit; a restored page came back clean and could be dropped without writeback.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-09-collect-drops-dirty',
  kind: 'bug',
  bug: 'BUG-09',
  fault: 'migrate_vma_collect_pmd clears a dirty PTE without folio_mark_dirty',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      folio_mark_dirty: (_folio, ctx, dflt) => (ctx.site === 'migrate_vma_collect_pmd' ? false : dflt),
    },
  },
  budget: { runs: 600, maxCommands: 30 },
  focus: { ops: ['migrate_to_device', 'cpu_write', 'drop_caches', 'munmap', 'cpu_read'] },
});
