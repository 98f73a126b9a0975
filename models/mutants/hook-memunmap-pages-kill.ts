// hook-memunmap-pages-kill: memunmap_pages waits for the users of its pgmap
// to go and only then kills pgmap->ref, instead of killing it first. A
// driver that hands a page out in between (zone_device_page_init: the
// pgmap is still live) holds a reference the teardown never waits for:
// pageunmap_range removes the range with the page in use. A race: only
// `check --threads` (the mutant's focus) and explore's thread steps can see
// it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-memunmap-pages-kill',
  kind: 'hook',
  fault: 'memunmap_pages kills pgmap->ref after waiting for its users instead of before: a page handed out in between is in use when the range is torn down',
  proposal: {
    extends: 'upstream',
    hooks: {
      memunmap_pages_kill: () => 'wait-then-kill',
    },
  },
  budget: { runs: 1000, maxCommands: 30 },
  focus: { ops: ['memremap_pages', 'mmap', 'migrate_to_device', 'memunmap_pages'], types: ['PRIVATE', 'COHERENT'], threads: true },
});
