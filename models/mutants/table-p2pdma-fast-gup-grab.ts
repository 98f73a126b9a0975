// table-p2pdma-fast-gup-grab: fast GUP grabs PCI_P2PDMA pages without FOLL_PCI_P2PDMA.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'table-p2pdma-fast-gup-grab',
  kind: 'table',
  table: { type: 'PCI_P2PDMA', decision: 'gup' },
  fault: 'fast GUP grabs PCI_P2PDMA pages without FOLL_PCI_P2PDMA',
  proposal: {
    extends: 'upstream',
    hooks: {
      try_grab_folio_fast: (folio, _flags, dflt) => (folio.memoryType === 'PCI_P2PDMA' ? 'grab' : dflt),
    },
  },
  budget: { runs: 300, maxCommands: 30 },
  focus: { ops: ['get_user_pages', 'pin_user_pages', 'mmap', 'cpu_read'], types: ['PCI_P2PDMA'] },
});
