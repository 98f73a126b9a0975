// A process stopped mid-run (SIGSTOP, ^Z) is not a hung hook: the hang
// limit counts CPU time (check/guard.ts). A real child process, stopped
// for longer than the whole run's limit while a slow but honest hook runs:
// `zdspec run` still says every check holds.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplaySandbox } from './run-replay.fixtures.ts';

const BIN = new URL('../../bin/zdspec.js', import.meta.url).pathname;
const { file, proposalFile } = runReplaySandbox();
const reportDir = join(dirname(file('reports.keep', '')), 'reports');

// 40 anon faults, each through folio_add_lru, which spins 15 ms: ~0.6 s of
// CPU against a limit of 100 ms + 25 ms × 41 steps = 1,125 ms.
const slow = proposalFile('slow', "folio_add_lru: (folio, ctx, dflt) => { console.error('slow hook'); const end = performance.now() + 15; while (performance.now() < end); return dflt; }");
const trace = file('faults.json', {
  steps: [
    { op: 'mmap', args: { proc: 'p0', npages: 40, kind: 'anon', shared: false, prot: 'write' } },
    ...Array.from({ length: 40 }, (_, vpn) => ({ op: 'cpu_write', args: { proc: 'p0', vpn, value: vpn + 1 } })),
  ],
});

const STOPPED_MS = 2000;

function runStopped(args: readonly string[], stoppedMs: number): Promise<{ code: number | null; out: string; stopped: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let stopped = false;
    child.stdout.on('data', (d) => void (out += d));
    child.stderr.on('data', () => {
      // The first hook call in the main thread's run (the load worker prints nothing: its import has no top-level output).
      if (stopped) return;
      stopped = child.kill('SIGSTOP');
      setTimeout(() => child.kill('SIGCONT'), stoppedMs);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, stopped }));
  });
}

describe('a stopped process', () => {
  it(`stopped ${STOPPED_MS} ms mid-run, longer than the run's 1,125 ms limit: not a proposal-timeout`, async () => {
    const r = await runStopped(['run', trace, '--proposal', slow, '--hook-time-limit', '100ms'], STOPPED_MS);
    expect(r.stopped).toBe(true);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('ok: 41 steps, every check holds')]);
  }, 60_000);

  // check's workers are watched from the main thread (run-watch.ts): stopped
  // past a run's wall-clock deadline (2 × at most 1,125 ms), the worker is
  // replaced and its search runs again under the CPU-time watchdog, which
  // finds no hang: a false alarm costs a re-run, never a finding.
  it("stopped 3000 ms mid-check, past the watched run's deadline: the search runs again and holds", async () => {
    const r = await runStopped(['check', slow, '--seed', '1', '--runs', '3', '--max-commands', '40', '--hook-time-limit', '100ms', '--workers', '1', '--report-dir', reportDir], 3000);
    expect(r.stopped).toBe(true);
    expect([r.code, r.out]).toEqual([0, expect.stringMatching(/every checked invariant holds \(3 runs/)]);
  }, 60_000);
});
