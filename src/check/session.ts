// One fast-check run's real system: the pair (kernel model + reference) of
// src/runner, plus the concrete steps that ran. A step whose checks fail
// throws a CheckFailure carrying those steps — the counterexample.
import type { OpResult, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import type { Pair } from '../runner/pair-types.ts';
import { CheckFailure, type CheckId, type RanStep } from './failure.ts';
import { judgeStart, judgeStep } from './judge.ts';

export interface Session {
  /** The kernel model's abstract state: what the next command resolves against. */
  state(): AbsState;
  /** Runs one step on both sides; throws CheckFailure when a selected check fails. Undefined: a thread's step left it paused. */
  apply(step: Step): OpResult | undefined;
  /** The threads paused now (issue 12). */
  paused(): readonly string[];
  /** Would `step` wait for a paused thread (it is then not enabled). */
  blocked(step: Step): boolean;
  /** Steps begun, in order; the last has no result while it is running. */
  readonly steps: readonly RanStep[];
}

export function createSession(pair: Pair, checks: ReadonlySet<CheckId>): Session {
  const steps: RanStep[] = [];
  const atStart = judgeStart(pair.start, checks);
  if (atStart !== undefined) throw new CheckFailure(atStart, []);
  return {
    steps,
    state: () => pair.kernelView().state,
    apply(step) {
      // Recorded before it runs: a hook that never returns leaves this entry
      // as the step that hung.
      const index = steps.push({ step }) - 1;
      const rec = pair.step(step);
      if (rec.kernel !== undefined) steps[index] = { step, result: rec.kernel.result };
      else if (rec.paused !== undefined) steps[index] = { step, paused: rec.paused };
      const finding = judgeStep(rec, checks, index);
      if (finding !== undefined) throw new CheckFailure(finding, steps.slice());
      if (rec.kernel === undefined && rec.paused === undefined) throw new Error('pair step without a kernel result');
      return rec.kernel?.result;
    },
    paused: () => pair.pausedThreads().map((t) => t.id),
    blocked: (step) => pair.blockedBy(step) !== undefined,
  };
}
