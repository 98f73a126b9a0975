// A counterexample as the checker hands it over: the shrunk concrete steps
// (a Trace, replayable by `zdspec run`/`replay`), what failed where, and how
// to get it again (seed, replay token, command line).
import type { EraName } from '../../models/eras/era.ts';
import type { Trace, TraceStep } from '../trace/trace.ts';
import { formatResult } from '../trace/format-call.ts';
import type { CheckId, Finding, RanStep } from './failure.ts';
import type { SelectableCheck } from './checks.ts';
import { ALL_CHECKS } from './checks.ts';

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
}

/** Steps as a trace: each result as the step's note, so a replay does not assert it. */
export function toTrace(proposal: string, steps: readonly RanStep[]): Trace {
  const out: TraceStep[] = steps.map(({ step, result }) => ({
    op: step.op,
    args: step.args as Readonly<Record<string, unknown>>,
    note: result === undefined ? 'recorded: did not return' : `recorded = ${formatResult(step, result)}`,
  }));
  return { proposal, steps: out };
}

// Shell-safe words pass as they are; anything else is single-quoted.
const quote = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export function replayCommand(o: {
  proposal: string;
  seed: number;
  path: string;
  checks: readonly SelectableCheck[];
  maxCommands: number;
  defaultMaxCommands: number;
}): string {
  const words = ['zdspec', 'check', o.proposal, '--seed', String(o.seed), '--path', o.path];
  if (o.maxCommands !== o.defaultMaxCommands) words.push('--max-commands', String(o.maxCommands));
  // The selection changes what fails first, so a partial one is part of the replay.
  if (o.checks.length !== ALL_CHECKS.length) for (const c of o.checks) words.push('--invariant', c);
  return words.map(quote).join(' ');
}
