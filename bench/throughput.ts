// The throughput ladder, each rung one more layer of the checker: (a)
// fast-check's own command loop over a counter model and with no-op
// commands, (b) that loop drawing zdspec's command generator, (c) the
// reference alone and (d) the kernel model alone under the checker's
// commands, and (e) the full check (checkProposal: both models, the
// refinement check, every invariant, semantic coverage aside, its runs
// watched as in a check worker). Each returns the
// commands one call ran; measure.ts times the calls.
import fc from 'fast-check';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { checkProposal } from '../src/check/check-proposal.ts';
import { asInWorker } from './as-in-worker.ts';
import { NEXT } from '../src/check/next.ts';
import { commandArbitrary, type CheckModel } from '../src/check/op-command.ts';
import type { Session } from '../src/check/session.ts';
import { emptyStats, totalRan } from '../src/check/stats.ts';

export interface Workload {
  readonly runs: number;
  readonly maxCommands: number;
  readonly seed: number;
}

class Noop implements fc.Command<object, object> {
  check = () => true;
  run = () => undefined;
  toString = () => 'noop';
}

type Counter = { n: number };
class Inc implements fc.Command<Counter, Counter> {
  check = () => true;
  run(m: Counter, r: Counter) {
    m.n++;
    r.n++;
    if (m.n !== r.n) throw new Error('counter diverged');
  }
  toString = () => 'inc';
}
class Dec implements fc.Command<Counter, Counter> {
  check = (m: Readonly<Counter>) => m.n > 0;
  run(m: Counter, r: Counter) {
    m.n--;
    r.n--;
    if (m.n !== r.n) throw new Error('counter diverged');
  }
  toString = () => 'dec';
}

function loop<M extends object, R>(arb: fc.Arbitrary<Iterable<fc.Command<M, R>>>, setup: () => { model: M; real: R }, w: Workload): number {
  let ran = 0;
  fc.assert(
    fc.property(arb, (cmds) => {
      fc.modelRun(setup, cmds);
      for (const _ of cmds) ran++;
    }),
    { numRuns: w.runs, seed: w.seed },
  );
  return ran;
}

/** (a) fast-check's loop over a two-command counter model: the ceiling a model-based test can reach here. */
export const rawCounter = (w: Workload): number =>
  loop(fc.commands([fc.constant(new Inc()), fc.constant(new Dec())], { size: 'large', maxCommands: w.maxCommands }), () => ({ model: { n: 0 }, real: { n: 0 } }), w);

/** (a) the same loop with commands that do nothing. */
export const rawNoop = (w: Workload): number => loop(fc.commands([fc.nat({ max: 7 }).map(() => new Noop())], { size: 'large', maxCommands: w.maxCommands }), () => ({ model: {}, real: {} }), w);

/** (b) fast-check drawing zdspec's command generator (the whole Next relation), nothing run. */
export function generatorOnly(p: ResolvedProposal, w: Workload): number {
  let drawn = 0;
  const arb = fc.commands([commandArbitrary(Object.values(NEXT), p.era, emptyStats())], { size: 'large', maxCommands: w.maxCommands });
  fc.assert(
    fc.property(arb, (cmds) => {
      for (const _ of cmds) drawn++;
    }),
    { numRuns: w.runs, seed: w.seed },
  );
  return drawn;
}

/** (c), (d): one system (sessions.ts) under the checker's commands; a failing run just ends early. */
export function systemOnly(p: ResolvedProposal, makeSession: (p: ResolvedProposal) => Session, w: Workload): number {
  const stats = emptyStats();
  const arb = fc.commands([commandArbitrary(Object.values(NEXT), p.era, stats)], { size: 'large', maxCommands: w.maxCommands });
  fc.check(
    fc.property(arb, (cmds) => {
      const session = makeSession(p);
      try {
        fc.modelRun(() => ({ model: { state: session.state(), era: p.era } satisfies CheckModel, real: session }), cmds);
      } catch {
        // A finding ends this run; throughput counts what ran.
      }
    }),
    { numRuns: w.runs, seed: w.seed },
  );
  return totalRan(stats);
}

/**
 * (e) the full check, as `zdspec check` runs it in each worker (as-in-worker.ts).
 * Throws if the proposal does not hold: the bench measures a search that
 * runs to its end.
 */
export function fullCheck(p: ResolvedProposal, w: Workload): number {
  const r = asInWorker(() => checkProposal(p, { runs: w.runs, maxCommands: w.maxCommands, seed: w.seed }));
  if (r.counterexample !== undefined) throw new Error(`bench: ${p.name} seed ${w.seed} found ${r.counterexample.check}; pick a proposal that holds`);
  return r.commands;
}
