// hook-folio-needs-cow-for-dma: fork shares a page that may be DMA-pinned instead of giving the child its own copy.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-folio-needs-cow-for-dma',
  kind: 'hook',
  fault: 'fork shares a page that may be DMA-pinned instead of giving the child its own copy',
  proposal: {
    extends: 'upstream',
    hooks: {
      folio_needs_cow_for_dma: () => false,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
