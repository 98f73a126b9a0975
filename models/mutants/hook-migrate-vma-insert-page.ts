// hook-migrate-vma-insert-page: migrate_vma_insert_page maps a new MEMORY_DEVICE_PRIVATE page with a present PTE.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-vma-insert-page',
  kind: 'hook',
  fault: 'migrate_vma_insert_page maps a new MEMORY_DEVICE_PRIVATE page with a present PTE',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_vma_insert_page: (pgmap, _ctx, dflt) => (pgmap.type === 'PRIVATE' ? 'present' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
