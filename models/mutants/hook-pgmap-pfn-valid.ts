// hook-pgmap-pfn-valid: pgmap_pfn_valid calls every pfn of a pgmap invalid, so memory_failure refuses DAX pages with -ENXIO.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-pgmap-pfn-valid',
  kind: 'hook',
  fault: 'pgmap_pfn_valid calls every pfn of a pgmap invalid, so memory_failure refuses DAX pages with -ENXIO',
  proposal: {
    extends: 'upstream',
    hooks: {
      pgmap_pfn_valid: () => false,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['memory_failure', 'mmap', 'cpu_read'], types: ['FS_DAX'] },
});
