// hook-copy-present-ptes: fork leaves a shared private page writable in parent and child.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-copy-present-ptes',
  kind: 'hook',
  fault: 'fork leaves a shared private page writable in parent and child',
  proposal: {
    extends: 'upstream',
    hooks: {
      copy_present_ptes: () => ({ parent: true, child: true }),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
