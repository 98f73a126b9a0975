// bug-28-mf-count-increased-leak: memory_failure keeps the madvise caller's MF_COUNT_INCREASED page reference on the dev_pagemap path.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-28-mf-count-increased-leak',
  kind: 'bug',
  bug: 'BUG-28',
  fault: "memory_failure keeps the madvise caller's MF_COUNT_INCREASED page reference on the dev_pagemap path",
  proposal: {
    extends: 'upstream',
    hooks: {
      put_ref_page: (_folio, ctx, dflt) => (ctx.site === 'memory_failure' ? false : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
