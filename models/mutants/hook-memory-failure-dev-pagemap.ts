// hook-memory-failure-dev-pagemap: memory_failure_dev_pagemap poisons and kills for MEMORY_DEVICE_COHERENT pages.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-memory-failure-dev-pagemap',
  kind: 'hook',
  fault: 'memory_failure_dev_pagemap poisons and kills for MEMORY_DEVICE_COHERENT pages',
  proposal: {
    extends: 'upstream',
    hooks: {
      memory_failure_dev_pagemap: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? { action: 'poison-and-kill' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
