// The symmetry reductions of zdspec explore (src/explore/symmetry.ts) are
// sound: on every built-in, the reduced and the unreduced search agree (the
// same stop, the same violated check at the same shortest length) and the
// reduced one visits fewer states. Small bounds and few operations (the
// suite's time); the deep job compares them at depth 3 with the device
// operations and on coherent-v1's violation (properties/deep/explore-symmetry.test.ts).
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { compareSymmetry, verdict } from './compare-symmetry.ts';

describe('explore symmetry reduction', () => {
  for (const name of BUILTIN_NAMES) {
    it(`${name}: reduced and unreduced agree at depth 2, with fewer states reduced`, () => {
      compareSymmetry(name, 2, ['memremap_pages', 'mmap', 'cpu_write']);
    });
  }

  it('cdm-numa-rfc: both find device-not-on-lru at the same shortest length', () => {
    const r = compareSymmetry('cdm-numa-rfc', 3, ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device']);
    expect(verdict(r)).toMatchObject({ stop: 'violation', check: 'device-not-on-lru', length: 3 });
  });
});
