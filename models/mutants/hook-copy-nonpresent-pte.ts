// hook-copy-nonpresent-pte: fork copies a writable device-private entry as it is, writable in parent and child.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-copy-nonpresent-pte',
  kind: 'hook',
  fault: 'fork copies a writable device-private entry as it is, writable in parent and child',
  proposal: {
    extends: 'upstream',
    hooks: {
      copy_nonpresent_pte: (entry, _ctx, dflt) => (entry.kind === 'device-private' ? 'share' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['fork', 'migrate_to_device', 'cpu_write', 'cpu_read'], types: ['PRIVATE'] },
});
