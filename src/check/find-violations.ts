// findViolations: the set of checks a proposal violates, by random checking.
// Check every remaining check; the shrunk counterexample names the one that
// failed; drop it and check the rest again — until a whole budget passes.
// One call gives the proposal's column of the verdict table (`check --all`,
// properties/verdict-table.test.ts). A crash or hang of the proposal ends
// the search: nothing after it can run.
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { checkProposal, type CheckOptions } from './check-proposal.ts';
import { ALL_CHECKS, type SelectableCheck } from './checks.ts';
import type { Counterexample } from './counterexample.ts';
import { endsSearch } from './failure.ts';
import { emptyStats, type CommandStats } from './stats.ts';

export interface ViolationSearch {
  readonly proposal: string;
  readonly era: string;
  readonly checks: readonly SelectableCheck[];
  /** In the order found. */
  readonly found: readonly Counterexample[];
  /** Checked over a whole budget without a counterexample. */
  readonly holds: readonly SelectableCheck[];
  readonly runs: number;
  readonly commands: number;
  readonly elapsedMs: number;
  readonly stats: CommandStats;
  /** The time limit cut the search short (fewer runs than the budget). */
  readonly interrupted: boolean;
}

export interface FindOptions extends Omit<CheckOptions, 'path'> {
  /** Runs per round (each round re-checks what is left). */
  readonly budget?: { readonly runs?: number; readonly maxCommands?: number };
  /** Each counterexample as soon as it is shrunk, before the search goes on. */
  readonly onFinding?: (cx: Counterexample) => void;
}

export function findViolations(proposal: ResolvedProposal, options: FindOptions = {}): ViolationSearch {
  const checks = options.invariants ?? ALL_CHECKS;
  const found: Counterexample[] = [];
  const stats = emptyStats();
  let remaining = [...checks];
  let runs = 0;
  let commands = 0;
  let elapsedMs = 0;
  let timedOut = false;
  for (let round = 0; remaining.length > 0; round++) {
    // The time limit covers the whole search: each round gets what is left.
    const timeLeft = options.timeLimitMs === undefined ? undefined : options.timeLimitMs - elapsedMs;
    if (timeLeft !== undefined && timeLeft <= 0) break;
    // A given seed makes the whole search reproducible: round i uses seed + i.
    const seed = options.seed === undefined ? undefined : (options.seed + round) | 0;
    const result = checkProposal(proposal, {
      ...options,
      invariants: remaining,
      ...(timeLeft === undefined ? {} : { timeLimitMs: timeLeft }),
      ...(seed === undefined ? {} : { seed }),
      ...(options.budget?.runs === undefined ? {} : { runs: options.budget.runs }),
      ...(options.budget?.maxCommands === undefined ? {} : { maxCommands: options.budget.maxCommands }),
      // Progress counts over the whole search, not per round.
      ...(options.onProgress === undefined ? {} : { onProgress: (p) => options.onProgress?.({ ...p, runs: runs + p.runs, commands: commands + p.commands, elapsedMs: elapsedMs + p.elapsedMs }) }),
    });
    runs += result.runs;
    commands += result.commands;
    elapsedMs += result.elapsedMs;
    for (const [op, c] of Object.entries(result.stats) as [keyof CommandStats, CommandStats[keyof CommandStats]][]) {
      stats[op].checked += c.checked;
      stats[op].skipped += c.skipped;
      stats[op].substituted += c.substituted;
      stats[op].ran += c.ran;
    }
    const cx = result.counterexample;
    if (result.interrupted) timedOut = true;
    if (cx === undefined) break;
    found.push(cx);
    options.onFinding?.(cx);
    if (endsSearch(cx.check)) break;
    remaining = remaining.filter((c) => c !== cx.check);
  }
  const violated = new Set<string>(found.map((c) => c.check));
  const stopped = found.some((c) => endsSearch(c.check));
  return {
    proposal: proposal.name,
    era: proposal.era.name,
    checks,
    found,
    holds: stopped ? [] : checks.filter((c) => !violated.has(c)),
    runs,
    commands,
    elapsedMs,
    stats,
    interrupted: timedOut,
  };
}
