// The deep job's symmetry comparison (the everyday one is
// properties/explore/symmetry.test.ts): every built-in at depth 2, and at depth 3 with the
// device operations, and coherent-v1's long-term pin violation found at the
// same shortest length with and without the reductions.
import { describe, expect, it } from 'vitest';
import type { OpName } from '../../models/ops.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { compareSymmetry, verdict } from '../explore/compare-symmetry.ts';

const DEVICE_OPS: readonly OpName[] = ['memremap_pages', 'mmap', 'cpu_write', 'device_write', 'migrate_to_device', 'make_device_exclusive', 'pin_user_pages'];

describe('explore symmetry reduction, deep', () => {
  for (const name of BUILTIN_NAMES) {
    it(`${name}: reduced and unreduced agree at depth 2 and at depth 3 with the device operations`, () => {
      compareSymmetry(name, 2, ['memremap_pages', 'mmap', 'cpu_write']);
      compareSymmetry(name, 3, DEVICE_OPS);
    });
  }

  it('coherent-v1: both find no-longterm-pin-coherent at the same shortest length', () => {
    const r = compareSymmetry('coherent-v1', 4, ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device', 'pin_user_pages'], ['COHERENT']);
    expect(verdict(r)).toMatchObject({ stop: 'violation', check: 'no-longterm-pin-coherent', length: 4 });
  });
});
