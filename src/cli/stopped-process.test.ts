// A process stopped mid-run (SIGSTOP, ^Z) is not a hung hook: the hang
// limit counts CPU time (check/guard.ts). A real child process, stopped
// for longer than the whole run's limit while a slow but honest hook runs:
// `zdspec run` still says every check holds.
import { describe, expect, it } from 'vitest';
import { runStopped, stoppedSandbox } from './stopped.fixtures.ts';

const { file, slow } = stoppedSandbox();

// 40 anon faults, each through folio_add_lru, which spins 15 ms: ~0.6 s of
// CPU against a limit of 100 ms + 25 ms × 41 steps = 1,125 ms.
const trace = file('faults.json', {
  steps: [
    { op: 'mmap', args: { proc: 'p0', npages: 40, kind: 'anon', shared: false, prot: 'write' } },
    ...Array.from({ length: 40 }, (_, vpn) => ({ op: 'cpu_write', args: { proc: 'p0', vpn, value: vpn + 1 } })),
  ],
});

const STOPPED_MS = 2000;

describe('a stopped process', () => {
  it(`stopped ${STOPPED_MS} ms mid-run, longer than the run's 1,125 ms limit: not a proposal-timeout`, async () => {
    const r = await runStopped(['run', trace, '--proposal', slow, '--hook-time-limit', '100ms'], STOPPED_MS);
    expect(r.stopped).toBe(true);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('ok: 41 steps, every check holds')]);
  }, 60_000);
});
