// hook-migrate-device-pages: __migrate_device_pages lets page-cache (file and shmem) pages move into device memory.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-migrate-device-pages',
  kind: 'hook',
  fault: '__migrate_device_pages lets page-cache (file and shmem) pages move into device memory',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_device_pages: () => true,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
