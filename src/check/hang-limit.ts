// When a run counts as hung (a proposal hook that loops or blocks). The
// limit grows with the run: `base + PER_STEP_MS × steps`, so an honest long
// run — a 5,000-command check run, a 2,000-step replay — is never taken for
// a hang, while a hook stuck in a loop still is, after at most that long.
// An honest step costs about a millisecond; 25 ms per step leaves room for a
// loaded machine and garbage collection without making a real hang slow to
// report. The limit is CPU time, so a stopped or starved process is not a
// hang either (guard.ts, which also runs the watchdog: node:vm's, one per
// run).

/** The base of a run's limit (--hook-time-limit). */
export const DEFAULT_HANG_BASE_MS = 2000;
/** Once a run hung, its shrink attempts get this base: shrinking a hang must not take runs × 2 s. */
export const AFTER_HANG_BASE_MS = 250;
export const PER_STEP_MS = 25;

export const hangLimitMs = (baseMs: number, steps: number): number => baseMs + PER_STEP_MS * steps;
