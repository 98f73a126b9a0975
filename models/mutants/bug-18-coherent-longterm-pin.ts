// bug-18-coherent-longterm-pin: a FOLL_LONGTERM pin of a coherent page is kept on the device page (the DEVICE_COHERENT series before 'fail get_user_pages for LONGTERM dev coherent type').
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-18-coherent-longterm-pin',
  kind: 'bug',
  bug: 'BUG-18',
  fault: "a FOLL_LONGTERM pin of a coherent page is kept on the device page (the DEVICE_COHERENT series before 'fail get_user_pages for LONGTERM dev coherent type')",
  proposal: {
    extends: 'v6.0',
    hooks: {
      gup_longterm_unpinnable: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? { action: 'pin' } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
