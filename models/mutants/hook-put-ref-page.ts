// hook-put-ref-page: do_swap_page keeps the reference it took around migrate_to_ram.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-put-ref-page',
  kind: 'hook',
  fault: 'do_swap_page keeps the reference it took around migrate_to_ram',
  proposal: {
    extends: 'upstream',
    hooks: {
      put_ref_page: (_folio, ctx, dflt) => (ctx.site === 'do_swap_page' ? false : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
