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
  // A page-cache page whose last mapping went (munmap of part of the range, madvise(MADV_DONTNEED)), then drop_caches: seed 1 needs about 5,000 runs.
  budget: { runs: 8000, maxCommands: 30 },
  focus: { ops: ['cpu_write', 'munmap', 'madvise_dontneed', 'drop_caches', 'cpu_read'] },
});
