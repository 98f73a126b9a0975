// hook-page-is-devmap-managed: put_page no longer diverts MEMORY_DEVICE_PRIVATE pages to the devmap free path, so at refcount 1 nothing frees them.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-page-is-devmap-managed',
  kind: 'hook',
  fault: 'put_page no longer diverts MEMORY_DEVICE_PRIVATE pages to the devmap free path, so at refcount 1 nothing frees them',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      page_is_devmap_managed: (folio, _ctx, dflt) => (folio.memoryType === 'PRIVATE' ? false : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
