// hook-migrate-vma-check-page: migrate_vma_check_page refuses every system page, so nothing ever migrates to device memory.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-vma-check-page',
  kind: 'hook',
  fault: 'migrate_vma_check_page refuses every system page, so nothing ever migrates to device memory',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_vma_check_page: (folio, _ctx, dflt) => (folio.memoryType === 'SYSTEM' ? false : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
