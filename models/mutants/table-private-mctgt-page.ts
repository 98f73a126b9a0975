// table-private-mctgt-page: get_mctgt_type forgets MEMORY_DEVICE_PRIVATE: a device-private page is MC_TARGET_PAGE (isolated from an LRU it is not on).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-private-mctgt-page',
  kind: 'table',
  table: { type: 'PRIVATE', decision: 'memcgTarget' },
  fault: 'get_mctgt_type forgets MEMORY_DEVICE_PRIVATE: a device-private page is MC_TARGET_PAGE (isolated from an LRU it is not on)',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      get_mctgt_type: (folio, _ctx, dflt) => (folio.memoryType === 'PRIVATE' && dflt === 'DEVICE' ? 'PAGE' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
