// hook-gup-longterm-unpinnable: __gup_longterm_locked keeps the long-term pin of a coherent page instead of migrating it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-gup-longterm-unpinnable',
  kind: 'hook',
  fault: '__gup_longterm_locked keeps the long-term pin of a coherent page instead of migrating it',
  proposal: {
    extends: 'upstream',
    hooks: {
      gup_longterm_unpinnable: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? { action: 'pin' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
