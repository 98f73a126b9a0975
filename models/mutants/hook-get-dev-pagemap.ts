// hook-get-dev-pagemap: get_dev_pagemap hands out a dev_pagemap whose percpu_ref was killed (a tryget that is not _live).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-get-dev-pagemap',
  kind: 'hook',
  fault: 'get_dev_pagemap hands out a dev_pagemap whose percpu_ref was killed (a tryget that is not _live)',
  proposal: {
    extends: 'upstream',
    hooks: {
      get_dev_pagemap: () => true,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['memunmap_pages', 'mmap', 'cpu_read', 'memory_failure'], types: ['FS_DAX'] },
});
