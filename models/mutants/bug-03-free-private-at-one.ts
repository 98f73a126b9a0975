// bug-03-free-private-at-one: free device-private pages sit at refcount 1 again in the zero-refcount era: free and in use with one reference look alike.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-03-free-private-at-one',
  kind: 'bug',
  bug: 'BUG-03',
  fault: 'free device-private pages sit at refcount 1 again in the zero-refcount era: free and in use with one reference look alike',
  proposal: {
    extends: 'v6.1',
    hooks: {
      free_zone_device_folio: (folio, _ctx, dflt) => (folio.memoryType === 'PRIVATE' ? { action: 'reset-to-one', at: 0 } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
