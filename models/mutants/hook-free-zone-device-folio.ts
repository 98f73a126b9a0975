// hook-free-zone-device-folio: free_zone_device_folio hands MEMORY_DEVICE_GENERIC pages to a driver free at 0 instead of resetting them to one.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-free-zone-device-folio',
  kind: 'hook',
  fault: "free_zone_device_folio hands MEMORY_DEVICE_GENERIC pages to a driver free at 0 instead of resetting them to one",
  proposal: {
    extends: 'upstream',
    hooks: {
      free_zone_device_folio: (folio, _ctx, dflt) => (folio.memoryType === 'GENERIC' ? { action: 'driver-free', at: 0 } : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['mmap', 'munmap', 'cpu_read', 'get_user_pages', 'put_page'], types: ['GENERIC'] },
});
