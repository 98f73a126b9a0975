// Test helper: one search single-threaded and with two worker threads;
// asserts the two results agree in everything but time and memory.
import { expect } from 'vitest';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { explore, type ExploreOptions, type ExploreResult } from '../../src/explore/explore.ts';
import { explorePool } from '../../src/explore/pool/explore-pool.ts';

const same = (r: ExploreResult) => ({ stop: r.stop, completeDepth: r.completeDepth, states: r.states, transitions: r.transitions, frontier: r.frontier, violation: r.violation });

export async function bothWays(name: string, options: ExploreOptions, workers = 2): Promise<ExploreResult> {
  const proposal = resolveBuiltin(name);
  const one = explore(proposal, options);
  const many = await explorePool(name, proposal, options, workers);
  expect(same(many)).toEqual(same(one));
  return one;
}
