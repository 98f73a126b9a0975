// hook-free-zone-device-folio-ref: free_zone_device_folio puts the page's
// per-allocation pgmap reference before the driver's page_free instead of
// after it. A memunmap_pages that runs in between finds no reference left,
// completes, and the driver tears down the free list page_free is about to
// put the page on: teardown completes with a page still in use. A race:
// only `check --threads` (the mutant's focus) and explore's thread steps
// can see it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-free-zone-device-folio-ref',
  kind: 'hook',
  fault: "free_zone_device_folio puts the page's pgmap reference before the driver's page_free: memunmap_pages may complete while page_free still runs",
  proposal: {
    extends: 'upstream',
    hooks: {
      free_zone_device_folio_ref: () => 'put-before-page-free',
    },
  },
  budget: { runs: 1000, maxCommands: 30 },
  focus: { ops: ['memremap_pages', 'mmap', 'migrate_to_device', 'munmap', 'memunmap_pages'], types: ['PRIVATE', 'COHERENT'], threads: true },
});
