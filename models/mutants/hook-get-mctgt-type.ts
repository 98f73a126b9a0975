// hook-get-mctgt-type: get_mctgt_type forgets MEMORY_DEVICE_COHERENT: a coherent page charged to mc.from is MC_TARGET_PAGE (the LRU path).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-get-mctgt-type',
  kind: 'hook',
  fault: 'get_mctgt_type forgets MEMORY_DEVICE_COHERENT: a coherent page charged to mc.from is MC_TARGET_PAGE (the LRU path)',
  proposal: {
    extends: 'v6.0',
    hooks: {
      get_mctgt_type: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' && dflt === 'DEVICE' ? 'PAGE' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['migrate_to_device', 'mem_cgroup_create', 'mem_cgroup_move_task'], types: ['COHERENT'] },
});
