// hook-free-zone-device-folio: free_zone_device_folio hands an idle FS_DAX page to a driver free callback instead of waking the filesystem waiting for it (wake_up_var).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-free-zone-device-folio',
  kind: 'hook',
  fault: 'free_zone_device_folio frees an FS_DAX page without wake_up_var: a hole punch waiting for it sleeps for ever',
  proposal: {
    extends: 'upstream',
    hooks: {
      free_zone_device_folio: (folio, _ctx, dflt) => (folio.memoryType === 'FS_DAX' ? { ...dflt, action: 'driver-free' } : dflt),
    },
  },
  budget: { runs: 4000, maxCommands: 30 },
  focus: { ops: ['fallocate_punch_hole', 'pin_user_pages', 'unpin_user_page', 'mmap'], types: ['FS_DAX'] },
});
