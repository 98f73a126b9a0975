// What a replay says about its counterexample. The run stops after a step
// that diverged (compare-recorded.ts), so every failure it found lies at or
// before that step, where the trace still meant what it meant: such a
// failure decides the verdict (reproduced, or fails differently), and the
// divergence is only noted. With no failure, a divergence is the verdict
// — not "now holds", since the recorded failing step was never reached as
// recorded.
import type { CounterexampleMeta } from '../../report/counterexample-json.ts';
import type { RecordedDifference } from '../../runner/compare-recorded.ts';
import type { RunReport } from '../../runner/run-report.ts';

export interface ReplayVerdict {
  /** After "replay: ". */
  readonly text: string;
  /** Exit 1: the failure reproduced, another check failed, or the replay diverged. */
  readonly failed: boolean;
}

export function replayVerdict(report: RunReport, meta: CounterexampleMeta | undefined, divergence: RecordedDifference | undefined): ReplayVerdict {
  const first = report.failures[0];
  if (first === undefined) {
    if (divergence === undefined) return { text: 'now holds', failed: false };
    const { index, recorded, now } = divergence;
    return { text: `diverged at step ${index + 1}: recorded ${recorded}, now ${now}; the rest of the trace no longer means what it meant`, failed: true };
  }
  // Several checks can fail at the same step (a kernel invariant and the
  // refinement check, say): the recorded one reproduces if it is among them.
  const atFirstStep: string[] = report.failures.filter((f) => f.step === first.step).map((f) => f.id ?? f.kind);
  const got = meta && atFirstStep.includes(meta.check) ? meta.check : (first.id ?? first.kind);
  if (meta === undefined) return { text: `fails: ${got}`, failed: true };
  return { text: got === meta.check ? `reproduced: ${got}` : `fails differently: ${got} (recorded: ${meta.check})`, failed: true };
}
