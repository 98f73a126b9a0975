// bug-25-mf-no-fallback: memory_failure_dev_pagemap never falls back to the generic kill path: a poisoned DAX page stays mapped and its users are not killed.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-25-mf-no-fallback',
  kind: 'bug',
  bug: 'BUG-25',
  fault: 'memory_failure_dev_pagemap never falls back to the generic kill path: a poisoned DAX page stays mapped and its users are not killed',
  proposal: {
    extends: 'upstream',
    hooks: {
      unmap_and_kill: (folio, _ctx, dflt) => (folio.memoryType === 'FS_DAX' || folio.memoryType === 'GENERIC' ? { unmap: 'none', kill: 'none' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['memory_failure', 'mmap', 'cpu_read'], types: ['FS_DAX', 'GENERIC'] },
});
