// table-private-on-lru: folio_add_lru forgets that MEMORY_DEVICE_PRIVATE is ZONE_DEVICE: device-private pages go on the LRU.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-private-on-lru',
  kind: 'table',
  table: { type: 'PRIVATE', decision: 'onLru' },
  fault: 'folio_add_lru forgets that MEMORY_DEVICE_PRIVATE is ZONE_DEVICE: device-private pages go on the LRU',
  proposal: {
    extends: 'upstream',
    hooks: {
      folio_add_lru: (folio, _ctx, dflt) => folio.memoryType === 'PRIVATE' || dflt,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
