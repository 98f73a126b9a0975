// check's workers are watched from the main thread (run-watch.ts). Stopped
// (SIGSTOP) past a run's wall-clock deadline, twice its CPU-time limit of
// at most 100 ms + 25 ms × 21 steps = 625 ms, the worker is replaced and
// its search runs again under the CPU-time watchdog, which finds no hang:
// a false alarm costs a re-run, never a finding. (A separate file from
// stopped-process.test.ts so the two waits overlap.) Runs of up to 20
// steps: continued, the run in progress still has work to do, so the
// watch (every 20 ms) sees it overdue before it ends even on a loaded
// machine (with 10, a run ending first made the test flaky under load).
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStopped, stoppedSandbox } from './stopped.fixtures.ts';

const { file, slow } = stoppedSandbox();
const reportDir = join(dirname(file('reports.keep', '')), 'reports');

describe('a stopped check', () => {
  it("stopped 1500 ms mid-check, past the watched run's 1,250 ms deadline: the search runs again and holds", async () => {
    const r = await runStopped(['check', slow, '--seed', '1', '--runs', '3', '--max-commands', '20', '--hook-time-limit', '100ms', '--workers', '1', '--report-dir', reportDir], 1500);
    expect(r.stopped).toBe(true);
    expect([r.code, r.out]).toEqual([0, expect.stringMatching(/every checked invariant holds \(3 runs/)]);
    // The re-run happened, and was said once.
    expect(r.err.match(/a run went past its deadline; searching again from the start under the per-run watchdog/g)).toHaveLength(1);
  }, 60_000);
});
