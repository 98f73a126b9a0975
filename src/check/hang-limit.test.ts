// The hang limit grows with the run: an honest 5,000-command run under
// upstream is not a hung hook even with a base limit far below its length,
// while a hook that loops still is, quickly (that one is
// properties/checker.test.ts's proposal-timeout test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { checkRun } from './check-run.ts';
import { NEXT } from './next.ts';
import { commandArbitrary } from './op-command.ts';
import { emptyStats, totalRan } from './stats.ts';

describe('hang limit', () => {
  // properties/deep/long-runs.test.ts does the same with 5,000 commands.
  // A 1 ms base: 400 honest commands need more CPU than that, so only the
  // per-command allowance keeps the run from being a timeout (no wall-clock
  // assertion: a fast host must not make this test fail).
  it('a 400-command run under upstream is not a timeout (base limit 1 ms)', () => {
    const upstream = resolveBuiltin('upstream');
    const run = checkRun(upstream, { hookTimeLimitMs: 1, sides: 'kernel' });
    const stats = emptyStats();
    const commands = fc.sample(commandArbitrary(Object.values(NEXT), upstream.era, stats), { numRuns: 400, seed: 7 });
    expect(() => run.predicate(commands)).not.toThrow();
    // The run really was long: nearly every command ran (a few find no handle).
    expect(totalRan(stats)).toBeGreaterThan(350);
  });

  // What a stopped process looks like from inside: the thread sleeps, the
  // watchdog's wall clock runs on. The run is started again and counted once.
  it('a run kept off the CPU past its limit is started again, not a timeout, and its commands count once', () => {
    let asleep = false;
    const sleepsOnce = resolveProposal({
      name: 'sleeps-once',
      title: 'a hook that is kept off the CPU once',
      source: 'src/check/hang-limit.test.ts',
      extends: 'upstream',
      hooks: {
        folio_add_lru: (_folio, _ctx, dflt) => {
          if (!asleep) {
            asleep = true;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
          }
          return dflt;
        },
      },
    });
    const upstream = resolveBuiltin('upstream');
    // One sequence of the check's own arbitrary (its commands count into run.stats), the same for both.
    const ran = (proposal: typeof upstream) => {
      const run = checkRun(proposal, { hookTimeLimitMs: 50, maxCommands: 60, sides: 'kernel' });
      const [commands] = fc.sample(run.commands, { numRuns: 1, seed: 11 });
      run.predicate(commands!);
      return run.stats;
    };
    const restarted = ran(sleepsOnce);
    expect(asleep).toBe(true);
    expect(restarted).toEqual(ran(upstream));
  });
});
