// runTraceOnPair: one trace through a pair (kernel model and reference in
// step), collecting refinement, invariant and expectation failures per step.
// A crashing proposal hook (or one returning something that is not its
// decision) ends the run at that step as a finding. Free of
// the real models, so tests can drive it with fakes.
import type { Step } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Trace, TraceStep } from '../trace/trace.ts';
import { judgeExpect } from './judge-expect.ts';
import type { Pair, PairStep } from './pair-types.ts';
import type { RunLoopOptions } from './run-loop-options.ts';
import type { Failure, FailureEvidence, RunReport, StepRecord } from './run-report.ts';

/** A parsed trace step is a Step: parseTrace checked its arguments against the op's schema. */
export const asStep = (step: TraceStep): Step => ({ op: step.op, args: step.args, ...(step.thread === undefined ? {} : { thread: step.thread }) }) as Step;

export function runTraceOnPair(trace: Trace, proposal: ResolvedProposal, pair: Pair, options: RunLoopOptions = {}): RunReport {
  const checkRefinement = options.refinement ?? true;
  const failures: Failure[] = [];
  const steps: StepRecord[] = [];
  let evidence: FailureEvidence | undefined;
  if (pair.start.refinement && checkRefinement) failures.push({ step: -1, kind: 'refinement', message: `initial state: ${pair.start.refinement}` });
  for (const finding of pair.start.invariants) {
    failures.push(...finding.messages.map((message) => ({ step: -1, kind: 'invariant' as const, id: finding.id, side: finding.side, message })));
  }
  for (const [index, traceStep] of trace.steps.entries()) {
    const ran = pair.step(asStep(traceStep));
    // Not selected, the refinement verdict is no finding (as in `zdspec check`).
    const done = checkRefinement ? ran : { ...ran, refinement: undefined };
    const expect = done.kernel && traceStep.expect ? judgeExpect(done.step, traceStep.expect, done.kernel.result, done.after) : [];
    const found = stepFailures(index, done, expect);
    if (found.length > 0 && evidence === undefined) {
      evidence = { step: index, before: done.before, after: done.after, allowed: done.allowed };
    }
    failures.push(...found);
    const record: StepRecord = {
      index,
      step: traceStep,
      ...(traceStep.note === undefined ? {} : { note: traceStep.note }),
      ...(done.kernel ? { kernel: done.kernel } : {}),
      allowed: done.allowed.map((o) => o.result),
      ...(done.paused === undefined ? {} : { paused: done.paused }),
      ...(done.concurrent || done.step.thread !== undefined ? { concurrent: true as const } : {}),
      ...(done.refinement === undefined ? {} : { refinement: done.refinement }),
      expect,
      invariants: done.invariants,
    };
    steps.push(record);
    if (options.afterStep?.(record, found) || pair.crashed) break;
  }
  const report = { proposal: proposal.name, era: proposal.era.name, ok: failures.length === 0, steps, failures };
  return evidence ? { ...report, evidence } : report;
}

/** In the order a reader wants them: what broke the run, refinement, invariants, expectations. */
function stepFailures(index: number, done: PairStep, expect: readonly string[]): Failure[] {
  const failures: Failure[] = [];
  if (done.crash) {
    failures.push({ step: index, kind: done.crash.in === 'proposal' ? done.crash.fault : 'specification-crashed', message: done.crash.message });
  }
  if (done.refinement) failures.push({ step: index, kind: 'refinement', message: done.refinement });
  for (const finding of done.invariants) {
    for (const message of finding.messages) failures.push({ step: index, kind: 'invariant', id: finding.id, side: finding.side, message });
  }
  failures.push(...expect.map((message) => ({ step: index, kind: 'expect' as const, message })));
  return failures;
}
