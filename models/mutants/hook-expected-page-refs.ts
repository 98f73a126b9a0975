// hook-expected-page-refs: expected_page_refs counts a ZONE_DEVICE base reference for coherent pages (the drafts' is_device_page +1), so a coherent page with one GUP reference migrates.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-expected-page-refs',
  kind: 'hook',
  fault: "expected_page_refs counts a ZONE_DEVICE base reference for coherent pages (the drafts' is_device_page +1), so a coherent page with one GUP reference migrates",
  proposal: {
    extends: 'upstream',
    hooks: {
      expected_page_refs: (folio, _ctx, dflt) => (folio.memoryType === 'COHERENT' ? dflt + 1 : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
