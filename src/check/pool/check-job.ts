// One unit of work of `zdspec check`: the search of one proposal, run in a
// worker thread. Plain data (it crosses postMessage): the worker loads the
// proposal itself from `load`, so a job names it rather than holding it.
import type { Focus } from '../../../models/focus.ts';
import type { SelectableCheck } from '../checks.ts';

export interface JobOptions {
  readonly invariants?: readonly SelectableCheck[];
  readonly runs?: number;
  readonly maxCommands?: number;
  readonly seed: number;
  /** With `seed`: re-run exactly this one fast-check run. */
  readonly path?: string;
  readonly timeLimitMs?: number;
  readonly hookTimeLimitMs?: number;
  readonly focus?: Focus;
  /** Judge the reference side's invariants at every step (PairOptions.fullInvariants; --full-invariants). */
  readonly fullInvariants?: boolean;
  /** Count semantic coverage and send it with the outcome (`zdspec check`; src/coverage/semantic/). */
  readonly semantic?: boolean;
}

export interface CheckJob {
  /** Position in the run: reports and the summary keep this order, whatever finishes first. */
  readonly index: number;
  /** What loadProposal gets in the worker: a built-in name or an absolute path. */
  readonly load: string;
  /** The proposal as given on the command line (the replay command uses it). */
  readonly given: string;
  /** How a counterexample JSON names it: a built-in name, or the file relative to the report directory. */
  readonly traceProposal: string;
  readonly isFile: boolean;
  /** Unique within the run: `<stem>.<check>.txt` etc. */
  readonly stem: string;
  readonly reportDir: string;
  /** The run's timestamp, in every report it writes. */
  readonly generated: string;
  readonly options: JobOptions;
}
