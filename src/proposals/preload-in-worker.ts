// A proposal file's top level is code under review too: `while (true) {}`
// there would hang `zdspec check FILE` for ever, and nothing running on the
// same thread can stop a module's evaluation (node:vm's watchdog covers
// hooks, guard.ts, not imports). So a file is imported once in a worker
// thread first, with a time limit; only when that import finished does the
// main thread import it for real. The worker costs about 0.3–0.5 s per file
// (a thread, and tsx registered in it); a built-in proposal skips it.
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { HANG_CPU_SHARE } from '../check/guard.ts';
import { spawnWorker } from '../check/pool/spawn-worker.ts';
import { taskCpuMs } from '../check/thread-cpu.ts';
import type { ProbeMessage } from './probe-load.ts';

const LOAD_WORKER = new URL(`./load-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

/** The limit on a file's top-level code: ZDSPEC_LOAD_TIMEOUT_MS (for tests), else 10 s. */
export function loadTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.ZDSPEC_LOAD_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_LOAD_TIMEOUT_MS;
}

/** A thread that never gets tsx registered is zdspec's problem, not the proposal's. */
const STARTUP_LIMIT_MS = 60_000;

/**
 * Resolves when `file` (an absolute path) loads in a worker within
 * `limitMs`; otherwise a ProposalError naming the file. An import error
 * found there (syntax error, no default export, ...) is thrown as the main
 * thread's import would throw it.
 */
export function preloadInWorker(file: string, limitMs = loadTimeoutMs()): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout/stderr: the main thread's import prints whatever the file prints, once.
    const worker = spawnWorker(LOAD_WORKER, { file }, { stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    let ready = false;
    let timer = setTimeout(() => finish(new Error(`the proposal load worker did not start within ${STARTUP_LIMIT_MS} ms`)), STARTUP_LIMIT_MS);
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };
    const fault = (detail: string) => new ProposalError(file, '(file)', detail);
    worker.on('message', (m: ProbeMessage) => {
      if (m.kind === 'ready') {
        ready = true;
        clearTimeout(timer);
        const cpu = m.task === undefined ? undefined : cpuSince(m.task);
        const armed = performance.now();
        // The limit is the worker's CPU time where it can be read (Linux), as
        // for hooks (check/guard.ts): a process stopped or starved mid-import
        // is not a loop. A file that blocks (no CPU at all) is still stopped,
        // after BLOCKED_LIMITS limits of wall time.
        const watch = (): void => {
          const used = cpu?.();
          const wall = performance.now() - armed;
          if (used === undefined) finish(fault(`did not finish loading within ${seconds(limitMs)}: a loop or a block at import time?`));
          else if (used >= HANG_CPU_SHARE * limitMs) finish(fault(`did not finish loading within ${seconds(limitMs)} of CPU time: a loop at import time?`));
          else if (wall >= BLOCKED_LIMITS * limitMs) finish(fault(`did not finish loading: it ran ${seconds(used)} on the CPU in ${seconds(wall)}: a block at import time?`));
          else timer = setTimeout(watch, Math.max(10, Math.min(limitMs - used, BLOCKED_LIMITS * limitMs - wall)));
        };
        timer = setTimeout(watch, limitMs);
      } else if (m.kind === 'loaded') finish();
      else finish(new ProposalError(file, m.field, m.detail));
    });
    // Before 'ready' the failure is zdspec's (tsx, the worker file); after it, the proposal's.
    worker.on('error', (e) => finish(ready ? fault(`threw while loading: ${e.message}`) : e));
    worker.on('exit', (code) =>
      finish(
        ready
          ? fault(code === UNSETTLED_TOP_LEVEL_AWAIT ? 'a top-level await never settled while loading' : 'ended the process while loading (process.exit)')
          : new Error(`the proposal load worker exited with code ${code} before it started`),
      ),
    );
  });
}

/** The exit code of a thread whose event loop emptied with a top-level await pending. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;

/** A load that used less than its CPU limit is waited for up to this many limits of wall time (30 s by default). */
const BLOCKED_LIMITS = 3;

/** The worker's CPU time since now, read from its /proc task directory; undefined when that cannot be read. */
function cpuSince(task: string): (() => number) | undefined {
  const read = (): number | undefined => {
    try {
      return taskCpuMs(task);
    } catch {
      return undefined;
    }
  };
  const start = read();
  return start === undefined ? undefined : () => (read() ?? Number.POSITIVE_INFINITY) - start;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
