// bug-01-gup-put-folio-no-wakeup: after GUP moved to folio helpers, unpinning a DAX page subtracted its references directly and skipped the devmap hook: nothing woke a hole punch waiting for the page to go idle.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-01-gup-put-folio-no-wakeup',
  kind: 'bug',
  bug: 'BUG-01',
  fault: 'gup_put_folio subtracts an FS_DAX pin without the devmap-managed put: the idle wake-up never comes',
  proposal: {
    extends: 'v6.0',
    hooks: {
      page_is_devmap_managed: (folio, ctx, dflt) => (ctx.site === 'gup_put_folio' && folio.memoryType === 'FS_DAX' ? false : dflt),
    },
  },
  budget: { runs: 600, maxCommands: 30 },
  focus: { ops: ['fallocate_punch_hole', 'pin_user_pages', 'unpin_user_page', 'get_user_pages', 'put_page'], types: ['FS_DAX'] },
});
