// hook-hmm-is-device-private-entry: hmm_range_fault uses every device-private entry in place, whatever its pgmap->owner.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-hmm-is-device-private-entry',
  kind: 'hook',
  fault: 'hmm_range_fault uses every device-private entry in place, whatever its pgmap->owner',
  proposal: {
    extends: 'upstream',
    hooks: {
      hmm_is_device_private_entry: () => true,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
