// hook-migrate-vma-collect-pmd-coherent: migrate_vma_collect_pmd ignores MIGRATE_VMA_SELECT_DEVICE_COHERENT: a driver evicting its coherent range collects nothing and the pages stay.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-vma-collect-pmd-coherent',
  kind: 'hook',
  fault: 'migrate_vma_collect_pmd never collects a MEMORY_DEVICE_COHERENT page (MIGRATE_VMA_SELECT_DEVICE_COHERENT forgotten)',
  proposal: {
    extends: 'v6.0',
    hooks: {
      migrate_vma_collect_pmd: (folio, _ctx, dflt) => folio.memoryType !== 'COHERENT' && dflt,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['migrate_to_device', 'migrate_to_ram'], types: ['COHERENT'] },
});
