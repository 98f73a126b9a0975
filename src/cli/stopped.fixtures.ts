// A real zdspec child process stopped (SIGSTOP, as ^Z does) at the first call
// of a slow but honest hook and continued `stoppedMs` later: what a stopped
// process must not be taken for (a hung hook). The hook prints to stderr on
// each call; the load worker prints nothing (its import has no top-level
// output), so the first line on stderr is the first hook call.
import { spawn } from 'node:child_process';
import { runReplaySandbox } from './run-replay.fixtures.ts';

const BIN = new URL('../../bin/zdspec.js', import.meta.url).pathname;

/** A sandbox with `slow`: a proposal whose folio_add_lru spins 15 ms on each call (every anon fault). */
export function stoppedSandbox() {
  const sandbox = runReplaySandbox();
  const slow = sandbox.proposalFile('slow', "folio_add_lru: (folio, ctx, dflt) => { console.error('slow hook'); const end = performance.now() + 15; while (performance.now() < end); return dflt; }");
  return { ...sandbox, slow };
}

export function runStopped(args: readonly string[], stoppedMs: number): Promise<{ code: number | null; out: string; err: string; stopped: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    let stopped = false;
    child.stdout.on('data', (d) => void (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (stopped) return;
      stopped = child.kill('SIGSTOP');
      setTimeout(() => child.kill('SIGCONT'), stoppedMs);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err, stopped }));
  });
}
