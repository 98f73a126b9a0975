// hook-try-grab-folio-fast: fast GUP grabs a coherent page for FOLL_LONGTERM instead of falling back to the slow path's check.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-try-grab-folio-fast',
  kind: 'hook',
  fault: "fast GUP grabs a coherent page for FOLL_LONGTERM instead of falling back to the slow path's check",
  proposal: {
    extends: 'upstream',
    hooks: {
      try_grab_folio_fast: (folio, flags, dflt) => (folio.memoryType === 'COHERENT' && flags.longterm ? 'grab' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
