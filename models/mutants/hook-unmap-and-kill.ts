// hook-unmap-and-kill: mf_generic_kill_procs unmaps the poisoned page but signals nobody.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-unmap-and-kill',
  kind: 'hook',
  fault: 'mf_generic_kill_procs unmaps the poisoned page but signals nobody',
  proposal: {
    extends: 'upstream',
    hooks: {
      unmap_and_kill: (_folio, _ctx, dflt) => ({ ...dflt, kill: 'none' }),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['memory_failure', 'mmap', 'cpu_read'], types: ['FS_DAX', 'GENERIC'] },
});
