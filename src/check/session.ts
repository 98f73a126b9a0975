// One fast-check run's real system: the pair (kernel model + reference) of
// src/runner, plus the concrete steps that ran. A step whose checks fail
// throws a CheckFailure carrying those steps — the counterexample.
import type { OpResult, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import type { Pair } from '../runner/pair-types.ts';
import { CheckFailure, type CheckId, type RanStep, ranStep } from './failure.ts';
import { judgeStart, judgeStep } from './judge.ts';
import { type PctPlan, pctScheduler } from '../schedule/pct.ts';

export interface Session {
  /** The kernel model's abstract state: what the next command resolves against. */
  state(): AbsState;
  /** Runs one step on both sides; throws CheckFailure when a selected check fails. Undefined: a thread's step left it paused. */
  apply(step: Step): OpResult | undefined;
  /** The threads paused now (issue 12), each with the step it runs. */
  paused(): readonly { readonly id: string; readonly step: Step }[];
  /** Would `step` wait for a paused thread (it is then not enabled). */
  blocked(step: Step): boolean;
  /**
   * PCT (check --threads --schedule pct; src/schedule/pct.ts): from now on
   * the plan decides, after each step of the main thread and each start,
   * whether a paused thread goes on; a main-thread step that would wait for
   * it lets it go on first. Without a plan, resume commands decide.
   */
  schedule(plan: PctPlan): void;
  /** The run is over: every thread still paused is resumed, so each stretch is judged. */
  finish(): void;
  /** Steps begun, in order; the last has no result while it is running. */
  readonly steps: readonly RanStep[];
}

/** Thread numbers for the PCT scheduler: the main thread is 0, t1 is 1. */
const MAIN = 0;
const T1 = 1;

export function createSession(pair: Pair, checks: ReadonlySet<CheckId>): Session {
  const steps: RanStep[] = [];
  const atStart = judgeStart(pair.start, checks);
  if (atStart !== undefined) throw new CheckFailure(atStart, []);
  let scheduler: ((step: number, enabled: readonly number[]) => number) | undefined;
  let decisions = 0;
  const resumeAll = (): void => {
    for (const t of pair.pausedThreads()) session.apply({ ...t.step, thread: { id: t.id, kind: 'resume' } });
  };
  // A thread may pause again at a later point (a migration paused in collect pauses in finalize).
  const resumeWhile = (paused: () => boolean): void => {
    while (pair.pausedThreads().length > 0 && paused()) resumeAll();
  };
  // After a step of the main thread or a start: while t1 is paused and the plan picks it, it goes on.
  const runScheduled = (): void => {
    while (scheduler !== undefined && pair.pausedThreads().length > 0 && scheduler(decisions++, [MAIN, T1]) === T1) resumeAll();
  };
  const session: Session = {
    steps,
    state: () => pair.kernelView().state,
    apply(step) {
      // The main thread waits for a paused thread (Pair.blockedBy): under a plan, the paused one runs first.
      if (scheduler !== undefined && step.thread === undefined) resumeWhile(() => pair.blockedBy(step) !== undefined);
      const result = applyOne(step);
      if (scheduler !== undefined && step.thread?.kind !== 'resume') runScheduled();
      return result;
    },
    paused: () => pair.pausedThreads(),
    blocked: (step) => pair.blockedBy(step) !== undefined,
    schedule(plan) {
      scheduler ??= pctScheduler(plan);
    },
    finish: () => resumeWhile(() => true),
  };
  return session;

  function applyOne(step: Step): OpResult | undefined {
    // Recorded before it runs: a hook that never returns leaves this entry
    // as the step that hung.
    const index = steps.push({ step }) - 1;
    const rec = pair.step(step);
    steps[index] = ranStep(step, rec);
    const finding = judgeStep(rec, checks, index);
    if (finding !== undefined) throw new CheckFailure(finding, steps.slice());
    if (rec.kernel === undefined && rec.paused === undefined) throw new Error('pair step without a kernel result');
    return rec.kernel?.result;
  }
}
