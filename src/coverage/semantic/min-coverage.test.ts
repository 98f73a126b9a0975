// `zdspec check --min-semantic-coverage CLASS`: every check writes the
// semantic-coverage reports (in the manifest); a run too small to reach a
// required class of cells fails (exit 1) naming them; one large enough
// passes; an unknown class is a usage error.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../cli/testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-semantic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zdspec = runMain;

describe('zdspec check --min-semantic-coverage', () => {
  it('fails a run too small to reach every operation, naming the ones it missed; the reports are in the manifest', async () => {
    const reports = join(dir, 'small');
    const r = await zdspec('check', 'upstream', '--runs', '2', '--max-commands', '4', '--seed', '1', '--workers', '1', '--quiet', '--report-dir', reports, '--min-semantic-coverage', 'ops');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/semantic coverage below the minimum: ops: \d+ of 31 never reached: .*\bfork\b/);
    expect(r.out).toContain('upstream: every checked invariant holds');
    const files = (JSON.parse(readFileSync(join(reports, '.zdspec-run.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toEqual(expect.arrayContaining(['semantic-coverage.json', 'semantic-coverage.md', 'semantic-coverage.html']));
    const json = JSON.parse(readFileSync(join(reports, 'semantic-coverage.json'), 'utf8')) as { minimum: { required: string[]; failed: string[] }; classes: { ops: { missing: string[] } } };
    expect(json.minimum).toEqual({ required: ['ops'], failed: ['ops'] });
    expect(json.classes.ops.missing).toContain('fork');
  });

  it('passes once every operation succeeded', async () => {
    // Long runs, drop_caches (which needs page cache to drop) drawn more often: every operation succeeds in 20 runs.
    const r = await zdspec(
      'check',
      'upstream',
      '--runs',
      '20',
      '--max-commands',
      '60',
      '--focus',
      'drop_caches',
      '--seed',
      '2',
      '--workers',
      '1',
      '--quiet',
      '--report-dir',
      join(dir, 'enough'),
      '--min-semantic-coverage',
      'ops',
    );
    expect(r.out).not.toContain('semantic coverage below the minimum');
    expect(r.code).toBe(0);
  });

  it('refuses an unknown class (exit 2)', async () => {
    const r = await zdspec('check', 'upstream', '--runs', '1', '--report-dir', join(dir, 'bad'), '--min-semantic-coverage', 'op');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--min-semantic-coverage: unknown class 'op'.*ops/);
  });
});
