// hook-memunmap-pages: memunmap_pages completes while pages of the range are still in use.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-memunmap-pages',
  kind: 'hook',
  fault: 'memunmap_pages completes while pages of the range are still in use',
  proposal: {
    extends: 'upstream',
    hooks: {
      memunmap_pages: () => true,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
