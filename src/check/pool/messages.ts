// What a check worker tells the main thread, and what the main thread asks.
// The main thread owns the report directory, the terminal and the signals;
// a worker only searches and renders.
import type { Counterexample } from '../counterexample.ts';
import type { ViolationSearch } from '../find-violations.ts';
import type { RenderedCounterexample } from '../../report/render-counterexample.ts';
import type { JobSemantic } from '../../coverage/semantic/merge.ts';
import type { CheckJob } from './check-job.ts';

/**
 * `watch`: the job's runs are watched from the main thread (run-watch.ts);
 * absent, guard.ts's own watchdog guards them (a job run again after a
 * worker went past a deadline).
 */
export type ToWorker = { readonly type: 'job'; readonly job: CheckJob; readonly watch?: { readonly buffer: SharedArrayBuffer; readonly epochMs: number } };

/** A search's outcome, as the summary needs it (`interrupted`: the --time-limit cut it short). */
export type JobOutcome = ViolationSearch;

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly job: number; readonly runs: number; readonly commands: number; readonly elapsedMs: number; readonly failing: boolean }
  /** The smallest failing run so far while shrinking, as a trace (written only if the run is interrupted). */
  | { readonly type: 'candidate'; readonly job: number; readonly check: string; readonly steps: number; readonly trace: string }
  /** A shrunk counterexample, rendered: the main thread writes it at once. */
  | { readonly type: 'finding'; readonly job: number; readonly counterexample: Counterexample; readonly rendered: RenderedCounterexample }
  /** `semantic`: what the search exercised (src/coverage/semantic/). */
  | { readonly type: 'done'; readonly job: number; readonly outcome: JobOutcome; readonly semantic?: JobSemantic }
  /** The job could not run: `badInput` for a proposal that does not load, else a zdspec bug. */
  | { readonly type: 'failed'; readonly job: number; readonly message: string; readonly badInput: boolean };
