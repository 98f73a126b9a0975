// runTraceTimed: runTrace under the hang limit, so a proposal hook stuck in a
// loop ends the run as a finding (proposal-timeout) instead of hanging
// `zdspec run`/`replay` forever. The limit grows with the trace — base +
// 25 ms per step (check/hang-limit.ts), of CPU time (check/guard.ts) — so an
// honest 2,000-step trace, or one whose process was stopped, is never taken
// for a hang. A timeout terminates the run mid-step (guard.ts):
// the report keeps the steps that finished, collected as they finish, and
// adds the timeout at the step that did not.
import { RunTimeout, runWithTimeLimit } from '../check/guard.ts';
import { hangLimitMs } from '../check/hang-limit.ts';
import { formatCallOnly } from '../trace/format-call.ts';
import type { Trace } from '../trace/trace.ts';
import { asStep } from './run-on-pair.ts';
import type { Failure, RunReport, StepRecord } from './run-report.ts';
import { runTrace, type RunOptions } from './run-trace.ts';

export interface TimedRunOptions extends RunOptions {
  /** The hang limit's base (--hook-time-limit), in ms. */
  readonly hookTimeLimitMs: number;
  /** The run is starting again (guard.ts): forget what afterStep saw of the abandoned attempt. */
  readonly restart?: () => void;
}

export function runTraceTimed(trace: Trace, options: TimedRunOptions): RunReport {
  const finished: StepRecord[] = [];
  const failed: Failure[] = [];
  const afterStep = (record: StepRecord, found: readonly Failure[]): boolean => {
    finished.push(record);
    failed.push(...found);
    return options.afterStep?.(record, found) ?? false;
  };
  try {
    const restart = () => {
      finished.length = 0;
      failed.length = 0;
      options.restart?.();
    };
    return runWithTimeLimit(hangLimitMs(options.hookTimeLimitMs, trace.steps.length), () => runTrace(trace, { ...options, afterStep }), { restart });
  } catch (e) {
    if (!(e instanceof RunTimeout)) throw e;
    const hung = trace.steps[finished.length];
    const where = hung === undefined ? 'setting up the models' : `step ${finished.length + 1}, in ${formatCallOnly(asStep(hung))}`;
    const timeout: Failure = {
      step: hung === undefined ? -1 : finished.length,
      kind: 'proposal-timeout',
      message: e.explain(where),
    };
    return { proposal: options.proposal.name, era: options.proposal.era.name, ok: false, steps: finished, failures: [...failed, timeout] };
  }
}
