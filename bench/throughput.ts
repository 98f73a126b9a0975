// Commands per second of one system under the checker's commands, and of the
// raw fast-check loop (generation + modelRun with commands that do nothing).
// Failures are ignored: a run that fails just ends early (the checker's
// shrinking is measured by time-to-counterexample, not here).
import fc from 'fast-check';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { NEXT } from '../src/check/next.ts';
import { commandArbitrary, type CheckModel } from '../src/check/op-command.ts';
import type { Session } from '../src/check/session.ts';
import { emptyStats, totalRan } from '../src/check/stats.ts';

export interface Throughput {
  readonly commands: number;
  readonly seconds: number;
  readonly perSecond: number;
}

const measure = (commands: number, started: number): Throughput => {
  const seconds = (performance.now() - started) / 1000;
  return { commands, seconds, perSecond: Math.round(commands / seconds) };
};

export function systemThroughput(p: ResolvedProposal, makeSession: (p: ResolvedProposal) => Session, runs: number, maxCommands: number, seed: number): Throughput {
  const stats = emptyStats();
  const arb = fc.commands([commandArbitrary(Object.values(NEXT), p.era, stats)], { size: 'large', maxCommands });
  const started = performance.now();
  fc.check(
    fc.property(arb, (cmds) => {
      const session = makeSession(p);
      try {
        fc.modelRun(() => ({ model: { state: session.state(), era: p.era } satisfies CheckModel, real: session }), cmds);
      } catch {
        // A finding ends this run; throughput counts what ran.
      }
    }),
    { numRuns: runs, seed },
  );
  return measure(totalRan(stats), started);
}

class Noop implements fc.Command<object, object> {
  check = () => true;
  run = () => undefined;
  toString = () => 'noop';
}

export function rawLoopThroughput(runs: number, maxCommands: number, seed: number): Throughput {
  let ran = 0;
  const arb = fc.commands([fc.nat({ max: 7 }).map(() => new Noop())], { size: 'large', maxCommands });
  const started = performance.now();
  fc.check(
    fc.property(arb, (cmds) => {
      fc.modelRun(() => ({ model: {}, real: {} }), cmds);
      for (const _ of cmds) ran++;
    }),
    { numRuns: runs, seed },
  );
  return measure(ran, started);
}
