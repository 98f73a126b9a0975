// hook-get-dev-pagemap-ref: memory_failure's get_dev_pagemap finds the
// pgmap live under rcu_read_lock but takes its reference only after
// rcu_read_unlock (percpu_ref_get, which does not fail on a killed ref). A
// memunmap_pages that runs in between sees no reference to wait for, kills
// and tears the range down, and memory_failure then poisons a page of a
// pgmap that is gone. A race: only `check --threads` (the mutant's focus)
// and explore's thread steps can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-get-dev-pagemap-ref',
  kind: 'hook',
  fault: 'get_dev_pagemap takes the pgmap reference after rcu_read_unlock, when memunmap_pages may already have killed and removed the pgmap',
  proposal: {
    extends: 'upstream',
    hooks: {
      get_dev_pagemap_ref: () => 'get-after-rcu-unlock',
    },
  },
  budget: { runs: 1000, maxCommands: 30 },
  focus: { ops: ['memunmap_pages', 'memory_failure', 'mmap', 'cpu_read'], types: ['GENERIC', 'FS_DAX'], threads: true },
});
