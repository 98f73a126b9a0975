// The symmetry reductions of zdspec explore (src/explore/symmetry.ts) are
// sound: on built-ins of four eras, the reduced and the unreduced search agree (the
// same stop, the same violated check at the same shortest length) and the
// reduced one visits fewer states. Small bounds and few operations (the
// suite's time); the deep job compares them at depth 3 with the device
// operations and on coherent-v1's violation (properties/deep/explore-symmetry.test.ts).
import { describe, expect, it } from 'vitest';
import { compareSymmetry, verdict } from './compare-symmetry.ts';

const EVERYDAY = ['hmm-v4.14', 'coherent-v1', 'v6.1', 'upstream'] as const;

describe('explore symmetry reduction', () => {
  // One built-in an era (the suite's time); every built-in in the deep job.
  for (const name of EVERYDAY) {
    it(`${name}: reduced and unreduced agree at depth 2, with fewer states reduced`, () => {
      compareSymmetry(name, 2, ['memremap_pages', 'mmap', 'cpu_write']);
    });
  }

  it('cdm-numa-rfc: both find device-not-on-lru at the same shortest length', () => {
    const r = compareSymmetry('cdm-numa-rfc', 3, ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device']);
    expect(verdict(r)).toMatchObject({ stop: 'violation', check: 'device-not-on-lru', length: 3 });
  });
});
