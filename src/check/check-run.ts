// The pieces of one check: the command arbitrary over the Next relation and
// the per-run predicate — the pair (kernel model with the proposal's hooks +
// reference) at its start (fresh-pairs.ts) stepped through one command
// sequence inside the time limit. Used by checkProposal (fc.check) and vitest.ts (test.prop).
import fc from 'fast-check';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { SemanticCollector } from '../coverage/semantic/collector.ts';
import type { Step } from '../../models/ops.ts';
import { createPair } from '../runner/create-pair.ts';
import { refuseUncreatedHandles } from '../runner/refuse-uncreated-handles.ts';
import { TraceError } from '../trace/trace-error.ts';
import type { Pair, PairOptions } from '../runner/pair-types.ts';
import { formatCallOnly } from '../trace/format-call.ts';
import { ALL_CHECKS, checkSet, invariantsOf, type SelectableCheck } from './checks.ts';
import { CheckFailure } from './failure.ts';
import { checkpoint } from './checkpoint.ts';
import { RunTimeout, runWithTimeLimit } from './guard.ts';
import { runsWatched } from './run-watch.ts';
import { CHECK_DEFAULTS } from './check-defaults.ts';
import { AFTER_HANG_BASE_MS, hangLimitMs } from './hang-limit.ts';
import { focusedEntries, focusedEra, type Focus } from './focus.ts';
import { NEXT } from './next.ts';
import { commandArbitrary, type CheckModel } from './op-command.ts';
import { parseReplayToken } from './replay-path.ts';
import { createSession, type Session } from './session.ts';
import { freshPairs } from './fresh-pairs.ts';
import { emptyStats, totalRan, type CommandStats } from './stats.ts';

export { CHECK_DEFAULTS };

export interface CheckProgress {
  readonly runs: number;
  readonly commands: number;
  readonly elapsedMs: number;
  readonly failing: boolean;
}

export interface CheckOptions {
  /** Default: every invariant and the refinement check. */
  readonly invariants?: readonly SelectableCheck[];
  readonly runs?: number;
  readonly maxCommands?: number;
  readonly seed?: number;
  /** A replay token (replay-path.ts) from an earlier counterexample. */
  readonly path?: string;
  /** Stop (as passed) after this long; a failure found is still shrunk within it. */
  readonly timeLimitMs?: number;
  /**
   * The hang limit's base: a run of n commands that takes longer than
   * hookTimeLimitMs + 25 ms × n is a hung hook (hang-limit.ts).
   */
  readonly hookTimeLimitMs?: number;
  readonly sides?: PairOptions['sides'];
  readonly onProgress?: (p: CheckProgress) => void;
  /** Judge the reference side's invariants at every step, even where the views agree (src/runner/views-agree.ts). */
  readonly fullInvariants?: boolean;
  /** Steer the command generator toward these operations and memory types (focus.ts). */
  readonly focus?: Focus;
  /**
   * Every failing run, the first one found and then each shrink step's
   * (fast-check only re-runs smaller candidates): the latest is the best
   * counterexample so far, worth keeping if the search is interrupted.
   */
  readonly onFailure?: (f: CheckFailure) => void;
  /** How the proposal is named on a command line (its path as given for a file): the replay command uses it. */
  readonly proposalSpec?: string;
  /**
   * How the counterexample JSON names the proposal (default proposalSpec):
   * a file relative to the report directory, since `zdspec run`/`replay`
   * resolve a trace's proposal path against the trace's own directory.
   */
  readonly traceProposal?: string;
  /** Substitute pair (tests, benchmarks). */
  readonly createPair?: (proposal: ResolvedProposal, options: PairOptions) => Pair;
  /** Count semantic coverage (src/coverage/semantic/) of every run into this. */
  readonly semantic?: SemanticCollector;
  /**
   * false: the first failing run is the counterexample as it failed, not
   * shrunk or shortened (fast-check's endOnFailure). For verdicts only —
   * which checks fail, not the shortest trace — as the everyday smoke test
   * of every built-in needs; shrinking is most of a small search's time.
   */
  readonly shrink?: boolean;
}

/** When the first failing run was found: what it took to get there. */
export interface FirstFailure {
  readonly runs: number;
  readonly elapsedMs: number;
}

export interface CheckRun {
  readonly checks: readonly SelectableCheck[];
  readonly maxCommands: number;
  readonly stats: CommandStats;
  /** Set by the first failing run (before shrinking). */
  firstFailure(): FirstFailure | undefined;
  readonly commands: fc.Arbitrary<Iterable<fc.Command<CheckModel, Session>>>;
  /** One fast-check run: a fresh pair through the commands; throws on a failed check. */
  readonly predicate: (commands: Iterable<fc.Command<CheckModel, Session>>) => void;
  readonly property: fc.IPropertyWithHooks<[Iterable<fc.Command<CheckModel, Session>>]>;
  /**
   * Concrete steps through a fresh pair, outside fast-check and the counts:
   * the failure they end in, or undefined when every check holds, a step
   * names a handle no earlier step created, or a hook hangs (shorten.ts).
   */
  readonly rerun: (steps: readonly Step[]) => CheckFailure | undefined;
  /** A fresh pair as the runs make them (the checks' invariants, the sides), outside the counts. */
  readonly newPair: (proposal: ResolvedProposal) => Pair;
  /** `fn` under the hang limit of `steps` steps; undefined when a hook hung in it. */
  readonly guarded: <T>(steps: number, fn: () => T) => T | undefined;
}

/** The pieces of a check: the command arbitrary and the per-run predicate (also used by vitest.ts). */
export function checkRun(proposal: ResolvedProposal, options: CheckOptions = {}, started = performance.now()): CheckRun {
  const checks = options.invariants ?? ALL_CHECKS;
  const selected = checkSet(checks);
  const maxCommands = options.maxCommands ?? CHECK_DEFAULTS.maxCommands;
  const makePair = options.createPair ?? createPair;
  // The runs' pairs; a rerun, a shrink's shortening and a report make their own.
  const runPair = freshPairs(makePair);
  const pairOptions: PairOptions = { invariants: invariantsOf(checks), sides: options.sides ?? 'both', ...(options.fullInvariants ? { fullInvariants: true } : {}) };
  const stats = emptyStats();
  const replay = options.path === undefined ? undefined : parseReplayToken(options.path);
  const threads = options.focus?.threads === true ? { schedule: options.focus.schedule ?? 'uniform', maxCommands, focus: options.focus } : undefined;
  const commands = fc.commands([commandArbitrary(focusedEntries(Object.values(NEXT), options.focus), focusedEra(proposal.era, options.focus), stats, threads)], {
    size: 'large',
    maxCommands,
    ...(replay?.commandsReplayPath === undefined ? {} : { replayPath: replay.commandsReplayPath }),
  });

  let base: number = options.hookTimeLimitMs ?? CHECK_DEFAULTS.hookTimeLimitMs;
  let runs = 0;
  let failing = false;
  let failingHang = false;
  let first: FirstFailure | undefined;
  let lastProgress = started;
  const failed = (f: CheckFailure): CheckFailure => {
    if (first === undefined) first = { runs, elapsedMs: performance.now() - started };
    failing = true;
    options.onFailure?.(f);
    return f;
  };
  const predicate = (cmds: Iterable<fc.Command<CheckModel, Session>>): void => {
    runs++;
    const now = performance.now();
    if (options.onProgress && now - lastProgress > 200) {
      lastProgress = now;
      options.onProgress({ runs, commands: totalRan(stats), elapsedMs: now - started, failing });
    }
    let session: Session | undefined;
    // A run started again (guard.ts: the machine kept it off the CPU) must count once.
    let restart = (): void => undefined;
    const setup = () => {
      const pair = options.semantic ? options.semantic.createPair(runPair, proposal, pairOptions) : runPair(proposal, pairOptions);
      // Only guard.ts's own watchdog starts a run again; a watched run
      // (run-watch.ts) never is, so it needs no way back (3.7% of a step).
      if (!runsWatched()) {
        const backToStats = checkpoint(stats);
        const backToSemantic = options.semantic && checkpoint(options.semantic.counts);
        restart = () => {
          backToStats();
          backToSemantic?.();
        };
      }
      session = createSession(pair, selected);
      const real = session;
      const model: CheckModel = { state: real.state(), era: proposal.era, blocked: (s: Step) => real.blocked(s), paused: () => real.paused(), scheduled: threads?.schedule === 'pct' };
      return { model, real };
    };
    try {
      // Once a run hung, shrink attempts get one retry, not two: a hook that blocks costs each 3× the limit, not 7×.
      // A thread still paused when the commands end is resumed: every stretch is judged.
      runWithTimeLimit(
        hangLimitMs(base, countCommands(cmds)),
        () => {
          fc.modelRun(setup, cmds);
          session?.finish();
        },
        { restart: () => restart(), ...(failingHang ? { attempts: 2 } : {}) },
      );
    } catch (e) {
      if (e instanceof CheckFailure) throw failed(e);
      if (!(e instanceof RunTimeout)) throw e;
      // The next runs are shrink attempts of the same hang.
      base = Math.min(base, AFTER_HANG_BASE_MS);
      failingHang = true;
      throw failed(hang(session, e));
    }
  };
  const guarded = <T>(steps: number, fn: () => T): T | undefined => {
    try {
      return runWithTimeLimit(hangLimitMs(base, steps), fn);
    } catch (e) {
      if (e instanceof RunTimeout) return undefined;
      throw e;
    }
  };
  const rerun = (steps: readonly Step[]): CheckFailure | undefined => {
    try {
      return guarded(steps.length, () => {
        const session = createSession(refuseUncreatedHandles(makePair(proposal, pairOptions), 'counterexample'), selected);
        for (const s of steps) session.apply(s);
        session.finish();
        return undefined;
      });
    } catch (e) {
      if (e instanceof CheckFailure) return e;
      if (e instanceof TraceError) return undefined;
      throw e;
    }
  };
  return { checks, maxCommands, stats, firstFailure: () => first, commands, predicate, property: fc.property(commands, predicate), rerun, newPair: (p) => makePair(p, pairOptions), guarded };
}

function countCommands(cmds: Iterable<unknown>): number {
  let n = 0;
  for (const _ of cmds) n++;
  return n;
}

function hang(session: Session | undefined, timeout: RunTimeout): CheckFailure {
  const steps = session?.steps ?? [];
  const last = steps[steps.length - 1];
  const where = last === undefined ? 'setting up the pair' : `in ${formatCallOnly(last.step)}`;
  const message = timeout.explain(where);
  return new CheckFailure({ kind: 'proposal-timeout', check: 'proposal-timeout', stepIndex: steps.length - 1, message }, steps);
}
