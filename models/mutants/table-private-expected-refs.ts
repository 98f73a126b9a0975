// table-private-expected-refs: expected_page_refs forgets the base reference MEMORY_DEVICE_PRIVATE pages carry before v5.18.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-private-expected-refs',
  kind: 'table',
  table: { type: 'PRIVATE', decision: 'refcount' },
  fault: 'expected_page_refs forgets the base reference MEMORY_DEVICE_PRIVATE pages carry before v5.18',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      expected_page_refs: (folio, _ctx, dflt) => (folio.memoryType === 'PRIVATE' ? dflt - 1 : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
