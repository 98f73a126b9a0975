// hook-folio-mark-dirty: zap_pte_range drops the dirty bit of the PTEs it clears (munmap, exit, truncation): the write never reaches the file.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-folio-mark-dirty',
  kind: 'hook',
  fault: 'zap_pte_range clears a dirty PTE without folio_mark_dirty',
  proposal: {
    extends: 'upstream',
    hooks: {
      folio_mark_dirty: (_folio, ctx, dflt) => (ctx.site === 'zap_pte_range' ? false : dflt),
    },
  },
  budget: { runs: 600, maxCommands: 30 },
  focus: { ops: ['cpu_write', 'munmap', 'drop_caches', 'fsync', 'cpu_read'] },
});
