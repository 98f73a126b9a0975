// Test helper: one built-in explored with and without the symmetry
// reductions at the same bounds (two device owners, two values, so there is
// something to reduce); asserts they agree and the reduced search is smaller.
import { expect } from 'vitest';
import type { OpName } from '../../models/ops.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import type { ExploreBounds } from '../../src/explore/bounds.ts';
import { explore, type ExploreResult } from '../../src/explore/explore.ts';

const BOUNDS: ExploreBounds = { pages: 1, procs: 2, devices: 2, values: 2, symmetry: true };

export const verdict = (r: ExploreResult) => ({ stop: r.stop, check: r.violation?.finding.check, length: r.violation?.steps.length, completeDepth: r.completeDepth });

export function compareSymmetry(name: string, depth: number, ops: readonly OpName[], types?: ExploreBounds['types']): ExploreResult {
  const bounds = { ...BOUNDS, ...(types === undefined ? {} : { types }) };
  const reduced = explore(resolveBuiltin(name), { depth, bounds, ops });
  const full = explore(resolveBuiltin(name), { depth, bounds: { ...bounds, symmetry: false }, ops });
  expect(verdict(reduced)).toEqual(verdict(full));
  expect(reduced.states).toBeLessThan(full.states);
  return reduced;
}
