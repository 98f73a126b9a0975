// hook-make-device-exclusive: make_device_exclusive drops the page's map count and rmap with the PTE.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-make-device-exclusive',
  kind: 'hook',
  fault: "make_device_exclusive drops the page's map count and rmap with the PTE",
  proposal: {
    extends: 'upstream',
    hooks: {
      make_device_exclusive: () => false,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
