// checkProposal: random model-based checking of one proposal (DESIGN §6).
// fast-check generates command sequences over the Next relation (next.ts),
// each run steps a fresh pair (kernel model with the proposal's hooks +
// reference) through them, a selected check failing throws, fast-check
// shrinks, and the shrunk run's concrete steps are the counterexample.
import fc from 'fast-check';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { SelectableCheck } from './checks.ts';
import { CHECK_DEFAULTS, checkRun, type CheckOptions } from './check-run.ts';
import { toTrace, type Counterexample } from './counterexample.ts';
import { replayCommand } from './replay-command.ts';
import { CheckFailure } from './failure.ts';
import { shorten, shortenByExplore } from './shorten.ts';
import { commandsReplayPathOf, formatReplayToken, parseReplayToken } from './replay-path.ts';
import { totalRan, type CommandStats } from './stats.ts';

export { CHECK_DEFAULTS, checkRun, type CheckOptions, type CheckProgress } from './check-run.ts';

export interface CheckResult {
  readonly proposal: string;
  readonly era: string;
  readonly seed: number;
  readonly checks: readonly SelectableCheck[];
  readonly runs: number;
  readonly shrinks: number;
  readonly commands: number;
  readonly elapsedMs: number;
  readonly interrupted: boolean;
  readonly stats: CommandStats;
  readonly counterexample?: Counterexample;
}

export function checkProposal(proposal: ResolvedProposal, options: CheckOptions = {}): CheckResult {
  const started = performance.now();
  const run = checkRun(proposal, options, started);
  const { checks, maxCommands, stats, property } = run;
  const replay = options.path === undefined ? undefined : parseReplayToken(options.path);
  const details = fc.check(property, {
    numRuns: options.runs ?? CHECK_DEFAULTS.runs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(replay === undefined ? {} : { path: replay.path }),
    ...(options.timeLimitMs === undefined ? {} : { plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)] }),
    ...(options.shrink === false ? { endOnFailure: true } : {}),
  });
  const base = {
    proposal: proposal.name,
    era: proposal.era.name,
    seed: details.seed,
    checks,
    runs: details.numRuns,
    shrinks: details.numShrinks,
    commands: totalRan(stats),
    elapsedMs: performance.now() - started,
    interrupted: details.interrupted,
    stats,
  };
  if (!details.failed) return base;
  const shrunk = details.errorInstance;
  // Anything but a CheckFailure is a bug of the harness or the models: surface it.
  if (!(shrunk instanceof CheckFailure)) throw shrunk instanceof Error ? shrunk : new Error(String(shrunk));
  // Then shorter still where explore or dropping steps finds a trace fast-check's shrinking did not (shorten.ts).
  const error = options.shrink === false ? shrunk : shorten(shortenByExplore(shrunk, proposal, run.newPair, run.guarded), run.rerun);
  const name = options.proposalSpec ?? proposal.name;
  const ended = performance.now();
  const first = run.firstFailure() ?? { runs: details.numRuns, elapsedMs: ended - started };
  const path = formatReplayToken({
    path: details.counterexamplePath ?? '',
    commandsReplayPath: commandsReplayPathOf((details.counterexample as readonly unknown[] | null)?.[0]),
  });
  const counterexample: Counterexample = {
    proposal: name,
    era: proposal.era.name,
    check: error.finding.check,
    finding: error.finding,
    steps: error.steps,
    trace: toTrace(options.traceProposal ?? name, error.steps),
    seed: details.seed,
    path,
    replay: replayCommand({
      proposal: name,
      seed: details.seed,
      path,
      checks,
      found: error.finding.check,
      maxCommands,
      defaultMaxCommands: CHECK_DEFAULTS.maxCommands,
      ...(options.focus ? { focus: options.focus } : {}),
    }),
    checks,
    maxCommands,
    timing: { runsToFirst: first.runs, msToFirst: first.elapsedMs, shrinks: details.numShrinks, shrinkMs: ended - started - first.elapsedMs },
  };
  return { ...base, counterexample };
}
