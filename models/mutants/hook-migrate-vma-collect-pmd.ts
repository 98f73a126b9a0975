// hook-migrate-vma-collect-pmd: migrate_vma_collect_pmd collects device-private entries without matching pgmap->owner.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-vma-collect-pmd',
  kind: 'hook',
  fault: 'migrate_vma_collect_pmd collects device-private entries without matching pgmap->owner',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_vma_collect_pmd: (_folio, ctx, dflt) => (ctx.via === 'device-private' ? ctx.devicePrivate : dflt),
    },
  },
  budget: { runs: 2000, maxCommands: 30 },
  focus: { ops: ['migrate_to_device', 'migrate_to_ram', 'memremap_pages'], types: ['PRIVATE'] },
});
