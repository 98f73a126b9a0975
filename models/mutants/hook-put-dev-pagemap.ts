// hook-put-dev-pagemap: freeing a MEMORY_DEVICE_PRIVATE page keeps the pgmap reference zone_device_page_init took for it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-put-dev-pagemap',
  kind: 'hook',
  fault: 'free_zone_device_folio does not put_dev_pagemap the per-page reference of a MEMORY_DEVICE_PRIVATE page',
  proposal: {
    extends: 'upstream',
    hooks: {
      put_dev_pagemap: (pgmap, ctx, dflt) => (ctx.site === 'free_zone_device_folio' && pgmap.type === 'PRIVATE' ? false : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['migrate_to_device', 'munmap', 'migrate_to_ram'], types: ['PRIVATE'] },
});
