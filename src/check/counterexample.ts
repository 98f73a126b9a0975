// A counterexample as the checker hands it over: the shrunk concrete steps
// (a Trace, replayable by `zdspec run`/`replay`), what failed where, and how
// to get it again (seed, replay token, command line).
import type { EraName } from '../../models/eras/era.ts';
import type { Trace, TraceStep } from '../trace/trace.ts';
import { formatResult } from '../trace/format-call.ts';
import type { CheckId, Finding, RanStep } from './failure.ts';
import type { SelectableCheck } from './checks.ts';

export interface Counterexample {
  readonly proposal: string;
  readonly era: EraName;
  readonly check: CheckId;
  readonly finding: Finding;
  readonly steps: readonly RanStep[];
  readonly trace: Trace;
  readonly seed: number;
  /** fast-check path and commands replay path, one token (replay-path.ts). */
  readonly path: string;
  /** The command line that re-runs the fast-check run exactly. */
  readonly replay: string;
  /** The checks the run was asked for. */
  readonly checks: readonly SelectableCheck[];
  readonly maxCommands: number;
  /** What finding it took: runs and time to the first failing run, then the shrinking. */
  readonly timing: CounterexampleTiming;
  /**
   * Found by `zdspec explore` (breadth first, so no shorter trace within its
   * bounds fails), not by a seeded random search: seed and path are then 0
   * and "", and `replay` is the explore command line.
   */
  readonly explored?: ExploredBy;
}

export interface ExploredBy {
  /** Distinct states reached before it, and the bounds, as explore prints them. */
  readonly states: number;
  readonly bounds: string;
}

export interface CounterexampleTiming {
  /** Runs of this search round up to and including the first failing one. */
  readonly runsToFirst: number;
  readonly msToFirst: number;
  /** Accepted shrink steps and the time they took. */
  readonly shrinks: number;
  readonly shrinkMs: number;
}

/**
 * Steps as a trace: each result as the step's note (for a person) and as
 * `recorded` (for `zdspec replay`, which compares it with the new result),
 * never as `expect`, so a replay does not assert it.
 */
export function toTrace(proposal: string, steps: readonly RanStep[]): Trace {
  const out: TraceStep[] = steps.map(({ step, result, paused }) => ({
    op: step.op,
    args: step.args as Readonly<Record<string, unknown>>,
    ...(step.thread === undefined ? {} : { thread: step.thread }),
    note: paused !== undefined ? `recorded: paused after ${paused}` : result === undefined ? 'recorded: did not return' : `recorded = ${formatResult(step, result)}`,
    ...(result === undefined ? {} : { recorded: result }),
  }));
  return { proposal, steps: out };
}
