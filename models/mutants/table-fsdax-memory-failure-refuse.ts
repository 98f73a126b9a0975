// table-fsdax-memory-failure-refuse: memory_failure_dev_pagemap refuses MEMORY_DEVICE_FS_DAX pages with -EBUSY as if they were device memory.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-fsdax-memory-failure-refuse',
  kind: 'table',
  table: { type: 'FS_DAX', decision: 'memoryFailure' },
  fault: 'memory_failure_dev_pagemap refuses MEMORY_DEVICE_FS_DAX pages with -EBUSY as if they were device memory',
  proposal: {
    extends: 'upstream',
    hooks: {
      memory_failure_dev_pagemap: (folio, _ctx, dflt) => (folio.memoryType === 'FS_DAX' ? { action: 'refuse', errno: 'EBUSY' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['memory_failure', 'mmap', 'cpu_read'], types: ['FS_DAX'] },
});
