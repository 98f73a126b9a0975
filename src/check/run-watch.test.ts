// run-watch.ts: a watched thread publishes each run's deadline while it runs
// and runs it without node:vm's watchdog (guard.ts); the main thread's look
// says overdue only while a run is in progress past its deadline.
import { afterEach, describe, expect, it } from 'vitest';
import { runWithTimeLimit } from './guard.ts';
import { overdue, type RunWatch, runsWatched, WATCH_FACTOR, watchRuns, watchedRun } from './run-watch.ts';

const newWatch = (epochMs = Date.now()): RunWatch => ({ cells: new Int32Array(new SharedArrayBuffer(4)), epochMs });
/** The vm script guard.ts runs each unwatched run in names itself in the stack. */
const insideVm = () => (new Error().stack ?? '').includes('zdspec-time-limit');

afterEach(() => watchRuns(undefined));

describe('run-watch', () => {
  it('publishes the deadline while the run runs, WATCH_FACTOR times its limit from now, and clears it after', () => {
    const w = newWatch();
    watchRuns(w);
    let during = 0;
    const before = Date.now() - w.epochMs;
    expect(watchedRun(100, () => (during = Atomics.load(w.cells, 0)))?.value).toBe(during);
    expect(during).toBeGreaterThanOrEqual(before + WATCH_FACTOR * 100);
    expect(during).toBeLessThanOrEqual(Date.now() - w.epochMs + WATCH_FACTOR * 100 + 1);
    expect(Atomics.load(w.cells, 0)).toBe(0);
  });

  it('a run inside a run gives the outer deadline back, also when it throws', () => {
    const w = newWatch();
    watchRuns(w);
    watchedRun(1000, () => {
      const outer = Atomics.load(w.cells, 0);
      expect(() =>
        watchedRun(10, () => {
          expect(Atomics.load(w.cells, 0)).toBeLessThan(outer);
          throw new Error('finding');
        }),
      ).toThrow('finding');
      expect(Atomics.load(w.cells, 0)).toBe(outer);
    });
    expect(Atomics.load(w.cells, 0)).toBe(0);
  });

  it('is overdue only while a run is in progress past its deadline', () => {
    const w = newWatch(1_000_000);
    expect(overdue(w, 9_000_000)).toBe(false);
    Atomics.store(w.cells, 0, 500);
    expect(overdue(w, 1_000_400)).toBe(false);
    expect(overdue(w, 1_000_501)).toBe(true);
  });

  it('runWithTimeLimit runs a watched run directly, an unwatched one inside the vm watchdog', () => {
    expect(runWithTimeLimit(1000, insideVm)).toBe(true);
    expect(runsWatched()).toBe(false);
    watchRuns(newWatch());
    expect(runsWatched()).toBe(true);
    expect(runWithTimeLimit(1000, insideVm)).toBe(false);
    expect(watchedRun(1000, () => 1)).toEqual({ value: 1 });
    watchRuns(undefined);
    expect(watchedRun(1000, () => 1)).toBeUndefined();
  });
});
