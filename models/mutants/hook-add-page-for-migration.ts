// hook-add-page-for-migration: move_pages lets MEMORY_DEVICE_COHERENT pages through the is_zone_device_page test (isolate_lru_page then refuses them).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-add-page-for-migration',
  kind: 'hook',
  fault: 'add_page_for_migration queues a MEMORY_DEVICE_COHERENT page instead of answering -ENOENT',
  proposal: {
    extends: 'upstream',
    hooks: {
      add_page_for_migration: (folio, _ctx, dflt) => folio.memoryType === 'COHERENT' || dflt,
    },
  },
  budget: { runs: 600, maxCommands: 30 },
  focus: { ops: ['move_pages', 'migrate_to_device'], types: ['COHERENT'] },
});
