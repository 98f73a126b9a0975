// What a caller of runTraceOnPair may ask of the step loop besides the trace:
// which failures count, and a look at each step as it finishes (to stop
// early, or to keep what ran when a later step hangs).
import type { Failure, StepRecord } from './run-report.ts';

export interface RunLoopOptions {
  /**
   * false: refinement failures are not reported, as in `zdspec check` when
   * --invariant does not select "refinement". A crash of the reference still
   * is (nothing after it can run). Default true.
   */
  readonly refinement?: boolean;
  /** Called after each step with its record and failures; true ends the run after that step. */
  readonly afterStep?: (record: StepRecord, failures: readonly Failure[]) => boolean;
}
