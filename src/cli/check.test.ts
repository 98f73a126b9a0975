// `zdspec check` end to end: the report directory is checked before the
// search, holds exactly one run, names proposal files as given, keeps
// same-name proposals apart, and the summary records what ran.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columns } from '../report/columns.ts';
import { mdTableRows } from '../report/testing/md-table-rows.ts';
import { runMain } from './testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zdspec = runMain;

/** A proposal file that pins anything long-term: found in a few runs. */
function pinAnything(path: string, name: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `export default { name: '${name}', title: 't', source: 's', extends: 'upstream', hooks: { folio_is_longterm_pinnable: () => true } };\n`);
  return path;
}

describe('zdspec check: the report directory', () => {
  it('is refused before any search when it cannot be used (exit 2)', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const underFile = await zdspec('check', 'upstream', '--runs', '5', '--report-dir', join(file, 'reports'));
    expect(underFile.code).toBe(2);
    expect(underFile.err).toMatch(/--report-dir .*a-file\/reports: cannot create it: (ENOTDIR|EEXIST)/);
    const isFile = await zdspec('check', 'upstream', '--runs', '5', '--report-dir', file);
    expect([isFile.code, isFile.err]).toEqual([2, expect.stringContaining('exists and is not a directory')]);
    const proc = await zdspec('check', 'upstream', '--runs', '5', '--report-dir', '/proc/zdspec-reports');
    expect([proc.code, proc.err]).toEqual([2, expect.stringMatching(/--report-dir \/proc\/zdspec-reports: cannot create it/)]);
    // A directory nobody can write to, not even root.
    const readOnly = await zdspec('check', 'upstream', '--runs', '5', '--report-dir', '/proc/self');
    expect([readOnly.code, readOnly.err]).toEqual([2, expect.stringMatching(/--report-dir \/proc\/self: cannot write there: E[A-Z]+: /)]);
  });

  it("holds one run: the previous run's files go, files zdspec did not write stay", async () => {
    const reports = join(dir, 'one-run');
    const first = await zdspec('check', 'coherent-v1', '--seed', '1', '--runs', '60', '--invariant', 'no-longterm-pin-coherent', '--report-dir', reports, '--quiet');
    expect(first.code).toBe(1);
    expect(readdirSync(reports).some((f) => f.startsWith('coherent-v1.'))).toBe(true);
    writeFileSync(join(reports, 'my-notes.txt'), 'mine');
    const second = await zdspec('check', 'upstream', '--seed', '1', '--runs', '5', '--report-dir', reports, '--quiet');
    expect(second.code).toBe(0);
    const files = readdirSync(reports);
    expect(files.filter((f) => f.startsWith('coherent-v1.'))).toEqual([]);
    expect(files).toContain('my-notes.txt');
    expect(readFileSync(join(reports, 'summary.txt'), 'utf8')).not.toContain('coherent-v1');
  });
});

describe('zdspec check: proposal files', () => {
  it('keeps two files with the same name apart and names them by the path as given', async () => {
    const a = pinAnything(join(dir, 'a', 'series.mjs'), 'dup');
    const b = pinAnything(join(dir, 'b', 'series.mjs'), 'dup');
    const reports = join(dir, 'dups');
    const given = [relative(process.cwd(), a), relative(process.cwd(), b)];
    const r = await zdspec('check', ...given, '--seed', '1', '--runs', '60', '--report-dir', relative(process.cwd(), reports), '--invariant', 'no-longterm-pin-coherent');
    expect(r.code).toBe(1);
    expect(existsSync(join(reports, 'dup.no-longterm-pin-coherent.json'))).toBe(true);
    expect(existsSync(join(reports, 'dup-2.no-longterm-pin-coherent.json'))).toBe(true);
    const cx = JSON.parse(readFileSync(join(reports, 'dup-2.no-longterm-pin-coherent.json'), 'utf8'));
    // The JSON names the file relative to itself (replay resolves it there), never an absolute path.
    expect(cx.proposal).toBe(join('..', 'b', 'series.mjs'));
    const text = readFileSync(join(reports, 'dup-2.no-longterm-pin-coherent.txt'), 'utf8');
    expect(text).toContain(`zdspec check ${given[1]} --seed 1`);
    // No absolute path anywhere: the report is pasteable from any machine.
    expect(text).not.toMatch(new RegExp(`(^|[\\s'"])${dir}`, 'm'));
  });
});

describe('zdspec check: the summary', () => {
  it('records seed, options, zdspec version and duration', async () => {
    const reports = join(dir, 'summary');
    const r = await zdspec('check', 'upstream', '--seed', '77', '--runs', '7', '--max-commands', '9', '--report-dir', reports, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(reports, 'summary.json'), 'utf8'));
    expect(JSON.parse(r.out)).toEqual(json);
    expect(json).toMatchObject({ seed: 77, zdspec: expect.stringMatching(/^\d+\.\d+\.\d+/), node: process.version, options: { runs: 7, 'max-commands': 9 } });
    expect(json.durationMs).toBeGreaterThan(0);
    expect(json.proposals[0]).toMatchObject({ proposal: 'upstream', status: 'done', runs: 7 });
    const text = readFileSync(join(reports, 'summary.txt'), 'utf8');
    expect(text).toMatch(/seed 77; runs 7; max-commands 9/);
  });

  it('of several proposals: each finding is a line naming its file, then the verdict table; summary.txt fits 80 columns, summary.md parses', async () => {
    const reports = join(dir, 'several');
    const r = await zdspec('check', 'coherent-v1', 'upstream', '--seed', '1', '--runs', '60', '--invariant', 'no-longterm-pin-coherent', '--report-dir', reports);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`coherent-v1: violates no-longterm-pin-coherent (4 steps) → ${reports}/coherent-v1.no-longterm-pin-coherent.txt`);
    // The counterexample itself is only in its file.
    expect(r.out).not.toContain('zdspec counterexample:');
    expect(r.out).toMatch(/Verdicts: V violated[^\n]*\n {26} +1 +2\n/);
    expect(r.out).toMatch(/no-longterm-pin-coherent +V +\.\n/);
    expect(r.out).toContain('1 coherent-v1  2 upstream');
    for (const line of readFileSync(join(reports, 'summary.txt'), 'utf8').split('\n')) expect(columns(line), line).toBeLessThanOrEqual(80);
    const [table] = mdTableRows(readFileSync(join(reports, 'summary.md'), 'utf8'));
    // A header and a row per check, each with a cell per proposal plus the label.
    expect(table?.length).toBeGreaterThan(15);
    for (const cells of table ?? []) expect(cells).toBe(3);
  });

  it('shows progress off a terminal, on stderr', async () => {
    process.env.ZDSPEC_PROGRESS_MS = '100';
    try {
      const r = await zdspec('check', 'upstream', '--seed', '3', '--runs', '40', '--report-dir', join(dir, 'progress'), '--quiet');
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/check: 0\/1 proposals done, \d+ runs, \d+ commands, \d+ commands\/s, 0 findings, \d+ s/);
    } finally {
      delete process.env.ZDSPEC_PROGRESS_MS;
    }
  });
});
