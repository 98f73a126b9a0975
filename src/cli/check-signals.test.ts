// SIGINT and SIGTERM stop `zdspec check` without losing what it did: the
// summary is written, marked interrupted, with the seed and the command that
// finishes the rest, and the exit code says which signal (130/143). A real
// child process: signals are process-level.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIN = new URL('../../bin/zdspec.js', import.meta.url).pathname;

/** Starts a long check, sends `signal` once the search runs, resolves with the exit code and output. */
function interrupted(signal: NodeJS.Signals, reports: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', 'upstream', 'v6.1', '--seed', '5', '--runs', '1000000', '--workers', '2', '--report-dir', reports], {
      env: { ...process.env, ZDSPEC_PROGRESS_MS: '200', NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    let sent = false;
    child.stdout.on('data', (d) => void (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      // A progress line with runs done: the workers are searching.
      if (!sent && /proposals done, [1-9]\d* runs/.test(err)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('zdspec check interrupted', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'by %s: writes the interrupted summary and exits %i',
    async (signal, exit) => {
      const reports = join(dir, signal);
      const r = await interrupted(signal, reports);
      expect(r.code).toBe(exit);
      expect(r.err).toContain(`interrupted by ${signal}`);
      const summary = readFileSync(join(reports, 'summary.txt'), 'utf8');
      expect(summary).toContain(`INTERRUPTED by ${signal}`);
      expect(summary).toContain('seed 5');
      expect(summary.replace(/\s+/g, ' ')).toContain('to finish them: zdspec check upstream v6.1 --seed 5 --runs 1000000');
      const json = JSON.parse(readFileSync(join(reports, 'summary.json'), 'utf8'));
      expect(json.interrupted.signal).toBe(signal);
      // The signal comes once runs are done; on a loaded machine the second
      // worker may not have begun its job by then, and its summary says so.
      const statuses = json.proposals.map((p: { status: string }) => p.status);
      expect(statuses).toContain('interrupted');
      for (const status of statuses) expect(['interrupted', 'not started']).toContain(status);
    },
    60_000,
  );
});
