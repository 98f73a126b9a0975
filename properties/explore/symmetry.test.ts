// The symmetry reductions of zdspec explore (src/explore/symmetry.ts) are
// sound: on every built-in, the reduced and the unreduced search agree (the
// same stop, the same violated check at the same shortest length) and the
// reduced one visits fewer states. Small bounds (the suite's time); the deep
// job compares them at depth 3 (properties/deep/explore-symmetry.test.ts).
import { describe, expect, it } from 'vitest';
import type { OpName } from '../../models/ops.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import type { ExploreBounds } from '../../src/explore/bounds.ts';
import { explore, type ExploreResult } from '../../src/explore/explore.ts';

/** Two owners and two values: the reductions have something to reduce. */
const BOUNDS: ExploreBounds = { pages: 1, procs: 2, devices: 2, values: 2, symmetry: true };
const DEVICE_OPS: readonly OpName[] = ['memremap_pages', 'mmap', 'cpu_write', 'device_write', 'migrate_to_device'];

const verdict = (r: ExploreResult) => ({ stop: r.stop, check: r.violation?.finding.check, length: r.violation?.steps.length, completeDepth: r.completeDepth });

function compare(name: string, depth: number, ops: readonly OpName[], types?: ExploreBounds['types']) {
  const bounds = { ...BOUNDS, ...(types === undefined ? {} : { types }) };
  const reduced = explore(resolveBuiltin(name), { depth, bounds, ops });
  const full = explore(resolveBuiltin(name), { depth, bounds: { ...bounds, symmetry: false }, ops });
  expect(verdict(reduced)).toEqual(verdict(full));
  expect(reduced.states).toBeLessThan(full.states);
  return reduced;
}

describe('explore symmetry reduction', () => {
  for (const name of BUILTIN_NAMES) {
    it(`${name}: reduced and unreduced agree at depth 2, with fewer states reduced`, () => {
      compare(name, 2, DEVICE_OPS);
    });
  }

  it('coherent-v1: both find no-longterm-pin-coherent at the same shortest length', () => {
    const r = compare('coherent-v1', 4, ['memremap_pages', 'mmap', 'migrate_to_device', 'pin_user_pages'], ['COHERENT']);
    expect(verdict(r)).toMatchObject({ stop: 'violation', check: 'no-longterm-pin-coherent', length: 4 });
  });

  it('cdm-numa-rfc: both find device-not-on-lru at the same shortest length', () => {
    const r = compare('cdm-numa-rfc', 3, ['memremap_pages', 'mmap', 'cpu_write', 'migrate_to_device', 'device_write']);
    expect(verdict(r)).toMatchObject({ stop: 'violation', check: 'device-not-on-lru', length: 3 });
  });
});
