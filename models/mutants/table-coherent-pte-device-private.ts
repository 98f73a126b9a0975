// table-coherent-pte-device-private: migrate_vma_insert_page maps a new MEMORY_DEVICE_COHERENT page with a device-private entry.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-coherent-pte-device-private',
  kind: 'table',
  table: { type: 'COHERENT', decision: 'pteOnMigrate' },
  fault: 'migrate_vma_insert_page maps a new MEMORY_DEVICE_COHERENT page with a device-private entry',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_vma_insert_page: (pgmap, _ctx, dflt) => (pgmap.type === 'COHERENT' ? 'device-private' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
