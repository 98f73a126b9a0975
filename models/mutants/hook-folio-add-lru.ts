// hook-folio-add-lru: folio_add_lru puts MEMORY_DEVICE_COHERENT folios on the LRU (the 2016 NUMA-node design).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-folio-add-lru',
  kind: 'hook',
  fault: 'folio_add_lru puts MEMORY_DEVICE_COHERENT folios on the LRU (the 2016 NUMA-node design)',
  proposal: {
    extends: 'upstream',
    hooks: {
      folio_add_lru: (folio, _ctx, dflt) => folio.memoryType === 'COHERENT' || dflt,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
