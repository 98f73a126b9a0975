// hook-migrate-longterm-unpinnable-folios: after migrating an unpinnable folio, the long-term pin is taken on the original page the data left.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-longterm-unpinnable-folios',
  kind: 'hook',
  fault: 'after migrating an unpinnable folio, the long-term pin is taken on the original page the data left',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_longterm_unpinnable_folios: () => 'original',
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
