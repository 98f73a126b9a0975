// table-public-on-lru: folio_add_lru forgets MEMORY_DEVICE_PUBLIC: its pages go on the LRU.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-public-on-lru',
  kind: 'table',
  table: { type: 'PUBLIC', decision: 'onLru' },
  fault: 'folio_add_lru forgets MEMORY_DEVICE_PUBLIC: its pages go on the LRU',
  proposal: {
    extends: 'hmm-v4.14',
    hooks: {
      folio_add_lru: (folio, _ctx, dflt) => folio.memoryType === 'PUBLIC' || dflt,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
