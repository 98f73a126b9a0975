// hook-migrate-device-finalize: __migrate_device_finalize puts the source
// that moved back on the LRU before freeing it (BUG-15's rule, as the hook's
// one harmful decision).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-device-finalize',
  kind: 'hook',
  fault: '__migrate_device_finalize puts the dying source folio on the LRU before its last put',
  proposal: {
    extends: 'v6.1',
    hooks: {
      migrate_device_finalize: () => true,
    },
  },
  budget: { runs: 400, maxCommands: 30 },
  focus: { ops: ['mmap', 'cpu_write', 'migrate_to_device'], types: ['PRIVATE'], threads: true },
});
