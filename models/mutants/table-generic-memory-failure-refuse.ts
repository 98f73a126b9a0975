// table-generic-memory-failure-refuse: memory_failure_dev_pagemap refuses MEMORY_DEVICE_GENERIC pages with -EBUSY.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-generic-memory-failure-refuse',
  kind: 'table',
  table: { type: 'GENERIC', decision: 'memoryFailure' },
  fault: 'memory_failure_dev_pagemap refuses MEMORY_DEVICE_GENERIC pages with -EBUSY',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      memory_failure_dev_pagemap: (folio, _ctx, dflt) => (folio.memoryType === 'GENERIC' ? { action: 'refuse', errno: 'EBUSY' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['memory_failure', 'mmap', 'cpu_read'], types: ['GENERIC'] },
});
