// table-private-memory-failure-poison: memory_failure_dev_pagemap forgets MEMORY_DEVICE_PRIVATE: a device-private page is poisoned and its users killed.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-private-memory-failure-poison',
  kind: 'table',
  table: { type: 'PRIVATE', decision: 'memoryFailure' },
  fault: 'memory_failure_dev_pagemap forgets MEMORY_DEVICE_PRIVATE: a device-private page is poisoned and its users killed',
  proposal: {
    extends: 'upstream',
    hooks: {
      memory_failure_dev_pagemap: (folio, _ctx, dflt) => (folio.memoryType === 'PRIVATE' ? { action: 'poison-and-kill' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
