// Re-runs a shrunk counterexample through the runner (runTraceOnPair) with
// a pair that remembers every step's kernel views, so a report can show, for
// each step, the frames it touched before → after. The run is time-limited
// like the check: a trace that hung in the check hangs here too, and what
// ran before the hang is still reported.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { View } from '../../models/view.ts';
import { invariantsOf } from '../check/checks.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { RunTimeout, runWithTimeLimit } from '../check/guard.ts';
import { createPair } from '../runner/create-pair.ts';
import type { Pair, PairOptions, PairStep } from '../runner/pair-types.ts';
import { wrapPair } from '../runner/wrap-pair.ts';
import type { RunReport } from '../runner/run-report.ts';
import { runTraceOnPair } from '../runner/run-trace.ts';
import { frameDiff, pfnsNamedIn, type FrameChange } from './frame-diff.ts';

export interface ExplainedStep {
  readonly record: PairStep;
  /** Frames whose facts changed in the step (and frames the failure names). */
  readonly frames: readonly FrameChange[];
}

export interface Explained {
  readonly counterexample: Counterexample;
  /** Absent when the re-run hung (a proposal-timeout counterexample). */
  readonly report?: RunReport;
  readonly steps: readonly ExplainedStep[];
  readonly initial: View;
}

/** A pair that passes every call through and keeps each step's record. */
function recording(pair: Pair, into: PairStep[]): Pair {
  return wrapPair(pair, (step) => {
    const rec = pair.step(step);
    into.push(rec);
    return rec;
  });
}

export function explainCounterexample(cx: Counterexample, proposal: ResolvedProposal, options: { timeLimitMs?: number; createPair?: (p: ResolvedProposal, o: PairOptions) => Pair } = {}): Explained {
  const newPair = () => (options.createPair ?? createPair)(proposal, { invariants: invariantsOf(cx.checks), sides: 'both' });
  const initial = newPair().kernelView();
  const records: PairStep[] = [];
  let report: RunReport | undefined;
  try {
    // A fresh pair per attempt: guard.ts starts a run again when the machine kept it off the CPU.
    const attempt = () => runTraceOnPair(cx.trace, proposal, recording(newPair(), records));
    report = runWithTimeLimit(options.timeLimitMs ?? 2000, attempt, { restart: () => records.splice(0) });
  } catch (e) {
    if (!(e instanceof RunTimeout)) throw e;
  }
  const steps = records.map((record, i) => {
    const messages = i === cx.finding.stepIndex ? [cx.finding.message] : [];
    return { record, frames: frameDiff(record.before, record.after, pfnsNamedIn(messages)) };
  });
  return { counterexample: cx, ...(report === undefined ? {} : { report }), steps, initial };
}
