// hook-folio-is-longterm-pinnable: folio_is_longterm_pinnable forgets MEMORY_DEVICE_COHERENT (the first DEVICE_COHERENT posting).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-folio-is-longterm-pinnable',
  kind: 'hook',
  fault: 'folio_is_longterm_pinnable forgets MEMORY_DEVICE_COHERENT (the first DEVICE_COHERENT posting)',
  proposal: {
    extends: 'upstream',
    hooks: {
      folio_is_longterm_pinnable: (folio, _ctx, dflt) => folio.memoryType === 'COHERENT' || dflt,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
