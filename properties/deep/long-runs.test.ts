// Honest long runs are never taken for hung hooks (issue 7): a 5,000-command
// check run under upstream with a base hang limit of 50 ms.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { checkRun } from '../../src/check/check-run.ts';
import { NEXT } from '../../src/check/next.ts';
import { commandArbitrary } from '../../src/check/op-command.ts';
import { emptyStats, totalRan } from '../../src/check/stats.ts';

it('a 5,000-command run under upstream is not a timeout (base limit 50 ms)', () => {
  const upstream = resolveBuiltin('upstream');
  const run = checkRun(upstream, { hookTimeLimitMs: 50, sides: 'kernel' });
  const stats = emptyStats();
  const commands = fc.sample(commandArbitrary(Object.values(NEXT), upstream.era, stats), { numRuns: 5000, seed: 7 });
  expect(() => run.predicate(commands)).not.toThrow();
  expect(totalRan(stats)).toBeGreaterThan(4500);
});
