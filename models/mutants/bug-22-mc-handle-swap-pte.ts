// bug-22-mc-handle-swap-pte: mc_handle_swap_pte rejects non-swap entries before testing for device-private ones: charge moving never sees device-private pages.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-22-mc-handle-swap-pte',
  kind: 'bug',
  bug: 'BUG-22',
  fault: 'mc_handle_swap_pte rejects non-swap entries before testing for device-private ones: charge moving never sees device-private pages',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      get_mctgt_type: (_folio, ctx, dflt) => (ctx.via === 'device-private' ? 'NONE' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
