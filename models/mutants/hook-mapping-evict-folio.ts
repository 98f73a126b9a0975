// hook-mapping-evict-folio: drop_caches drops dirty page-cache folios: writes not yet written back are lost.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-mapping-evict-folio',
  kind: 'hook',
  fault: 'mapping_evict_folio drops a dirty folio',
  proposal: {
    extends: 'upstream',
    hooks: {
      mapping_evict_folio: (folio, _ctx, dflt) => folio.refcount <= 1 || dflt,
    },
  },
  budget: { runs: 600, maxCommands: 30 },
  focus: { ops: ['cpu_write', 'munmap', 'drop_caches', 'cpu_read'] },
});
