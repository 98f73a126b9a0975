// The time limit on a proposal's code. A hook stuck in a synchronous loop
// can't be interrupted by anything running in the same thread except V8's
// own termination, which node:vm exposes: a script run with `timeout`
// terminates whatever JavaScript is executing when the watchdog fires,
// including functions defined outside the context — the hook. So each
// fast-check run (a whole command sequence) executes inside one vm call
// with a timeout. One watchdog per run costs ~0.1 ms, against ~0.01 ms per
// hook call if every hook were guarded; a worker thread per check would
// need the proposal re-loaded from a file inside the worker, which an
// in-memory proposal (tests, `checkProposalProp`) does not have.
//
// The limit is CPU time, not wall clock. node:vm's watchdog only knows wall
// clock, so when it fires the run's own CPU time (thread-cpu.ts) decides:
// at least HANG_CPU_SHARE of the limit spent computing is a hang; less
// means the thread was kept off the CPU (the process stopped with SIGSTOP
// or ^Z, or starved), and the run is started again from the beginning with
// twice the wall time, up to `attempts` times. A run that still got too
// little CPU in the last attempt is reported too: a hook that blocks (a
// synchronous read that never completes) uses no CPU at all, and must not
// hang the checker either.
//
// Termination skips `finally` blocks and catch clauses on the way out: only
// state created for the run (the pair, the session) may be left half-done,
// and the caller discards it. So `fn` must be restartable: it builds all
// its state itself, and `restart` undoes whatever else an attempt counted.
//
// In a `zdspec check` worker the main thread watches the runs instead
// (run-watch.ts), and this watchdog runs only in a job that was run again
// after a worker went past a deadline.
import vm from 'node:vm';
import { watchedRun } from './run-watch.ts';
import { threadCpuMs } from './thread-cpu.ts';

export class RunTimeout extends Error {
  override readonly name = 'RunTimeout';
  constructor(
    readonly limitMs: number,
    /** CPU time the last attempt used, and the wall time it was given. */
    readonly cpuMs: number,
    readonly wallMs: number,
  ) {
    super(`did not return within ${limitMs} ms of CPU time`);
  }

  /** The finding's message; `where` is the step that did not return. */
  explain(where: string): string {
    const blocked = this.cpuMs < HANG_CPU_SHARE * this.limitMs;
    // Little CPU in the last attempt: a hook that blocks, or a machine too busy to run it; CPU time alone cannot tell which.
    const how = blocked ? `it ran ${Math.round(this.cpuMs)} ms on the CPU in ${Math.round(this.wallMs)} ms: a proposal hook blocks, or the machine is too busy` : 'a proposal hook loops or blocks';
    return `the run did not return within ${this.limitMs} ms of CPU time (${where}): ${how}`;
  }
}

/** The share of the limit a run must have spent on the CPU to count as hung (10 ms clock ticks, scheduling noise). */
export const HANG_CPU_SHARE = 0.9;
/** Attempts for a run that keeps being kept off the CPU: wall time 1×, 2×, 4× the limit. */
export const DEFAULT_ATTEMPTS = 3;

export interface TimeLimitOptions {
  /** Attempts before a run that got too little CPU is reported anyway (default 3). */
  readonly attempts?: number;
  /** Called before the run is started again: undo what the abandoned attempt counted. */
  readonly restart?: () => void;
}

const context = vm.createContext({ __zdspecRun: (): void => undefined });
const script = new vm.Script('__zdspecRun()', { filename: 'zdspec-time-limit' });

/**
 * The thread's CPU time read at most MARK_MAX_AGE_MS of wall time ago.
 * Reading /proc costs ~90 µs, as much as a short run (shrinking, explore's
 * expansions), while the clock it reads ticks every 10 ms: a mark that
 * young says as much as a fresh one. An attempt's CPU is counted from the
 * mark, less the wall time between the mark and the attempt's start (CPU
 * the thread may have used before the attempt), so an old mark can only
 * under-count a hang, never call a starved run hung.
 */
const MARK_MAX_AGE_MS = 10;
let mark = { cpuMs: threadCpuMs(), atMs: performance.now() };

function recentMark(): { cpuMs: number; atMs: number } {
  const now = performance.now();
  if (now - mark.atMs > MARK_MAX_AGE_MS) mark = { cpuMs: threadCpuMs(), atMs: now };
  return mark;
}

/** `fn()`, unless it uses `limitMs` of CPU time (or cannot finish in the attempts): then RunTimeout. */
export function runWithTimeLimit<T>(limitMs: number, fn: () => T, options: TimeLimitOptions = {}): T {
  // A pool worker's runs are watched from the main thread (run-watch.ts).
  const watched = watchedRun(limitMs, fn);
  if (watched !== undefined) return watched.value;
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  let wallMs = limitMs;
  for (let attempt = 1; ; attempt++) {
    const before = recentMark();
    const wallBefore = performance.now();
    const out = runOnce(wallMs, fn);
    if (out !== TIMED_OUT) return out.value;
    const cpuMs = Math.max(0, threadCpuMs() - before.cpuMs - (wallBefore - before.atMs));
    if (cpuMs >= HANG_CPU_SHARE * limitMs || attempt >= attempts) throw new RunTimeout(limitMs, cpuMs, performance.now() - wallBefore);
    options.restart?.();
    wallMs *= 2;
  }
}

const TIMED_OUT = Symbol('timed out');

function runOnce<T>(wallMs: number, fn: () => T): { value: T } | typeof TIMED_OUT {
  let out: { value: T } | undefined;
  context.__zdspecRun = () => {
    out = { value: fn() };
  };
  try {
    script.runInContext(context, { timeout: wallMs });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    throw e;
  }
  if (out === undefined) throw new Error('time-limited run returned nothing');
  return out;
}
