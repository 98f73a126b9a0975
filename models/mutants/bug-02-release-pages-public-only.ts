// bug-02-release-pages-public-only: the batched put (release_pages) sent only MEMORY_DEVICE_PUBLIC pages through the devmap-managed put; private and FS DAX pages skipped their free at one (page_free, the DAX wake-up).
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-02-release-pages-public-only',
  kind: 'bug',
  bug: 'BUG-02',
  fault: 'release_pages diverts only MEMORY_DEVICE_PUBLIC pages to the devmap-managed put',
  proposal: {
    extends: 'devmap-v5.x',
    hooks: {
      page_is_devmap_managed: (folio, ctx, dflt) => (ctx.site === 'release_pages' ? folio.memoryType === 'PUBLIC' && dflt : dflt),
    },
  },
  budget: { runs: 600, maxCommands: 30 },
});
