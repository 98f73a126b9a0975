// hook-dax-layout-busy-page: dax_busy_page calls no page busy: a hole punch frees blocks a device still DMAs to.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-dax-layout-busy-page',
  kind: 'hook',
  fault: 'dax_layout_busy_page never finds a busy page (GUP references and pins ignored)',
  proposal: {
    extends: 'upstream',
    hooks: {
      dax_layout_busy_page: () => false,
    },
  },
  budget: { runs: 600, maxCommands: 30 },
  focus: { ops: ['fallocate_punch_hole', 'pin_user_pages', 'get_user_pages'], types: ['FS_DAX'] },
});
