// hook-wp-can-reuse-anon-folio: a write fault reuses an anon page in place even when fork shares it.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'hook-wp-can-reuse-anon-folio',
  kind: 'hook',
  fault: 'a write fault reuses an anon page in place even when fork shares it',
  proposal: {
    extends: 'upstream',
    hooks: {
      wp_can_reuse_anon_folio: () => true,
    },
  },
  budget: { runs: 300, maxCommands: 30 },
});
