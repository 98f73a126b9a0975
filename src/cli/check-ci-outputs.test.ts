// `zdspec check` in CI: junit.xml beside the summary (and in the manifest),
// the Markdown summary appended to $GITHUB_STEP_SUMMARY (never over what
// other steps wrote; an unwritable one is a warning, not a crash), and
// --judge on a shard of the built-ins (judge-summary.test.ts: on none).
// Tiny budgets.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../check/checks.ts';
import { runMain } from './testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void vi.unstubAllEnvs());

const zdspec = runMain;

const TINY = ['--runs', '5', '--max-commands', '5', '--seed', '1', '--workers', '1'];

describe('zdspec check: CI outputs', () => {
  it('writes junit.xml in the manifest and appends summary.md to $GITHUB_STEP_SUMMARY; --judge judges the built-ins it checked', async () => {
    const stepSummary = join(dir, 'step-summary.md');
    writeFileSync(stepSummary, '## an earlier step\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', stepSummary);
    const reports = join(dir, 'shard');
    const r = await zdspec('check', 'upstream', ...TINY, '--report-dir', reports, '--judge');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('judge: 1 built-in judged, every verdict matches its header');
    const md = readFileSync(join(reports, 'summary.md'), 'utf8');
    expect(readFileSync(stepSummary, 'utf8')).toBe(`## an earlier step\n\n${md}`);
    expect(JSON.parse(readFileSync(join(reports, '.zdspec-run.json'), 'utf8')).files).toContain('junit.xml');
    const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase classname="upstream" /g)).toHaveLength(ALL_CHECKS.length);
    expect(junit).toContain('failures="0" errors="0" skipped="0"');
  });

  it('warns on stderr when $GITHUB_STEP_SUMMARY cannot be written, and goes on', async () => {
    const notAFile = join(dir, 'a-directory');
    mkdirSync(notAFile);
    vi.stubEnv('GITHUB_STEP_SUMMARY', notAFile);
    const reports = join(dir, 'unwritable');
    const r = await zdspec('check', 'upstream', ...TINY, '--report-dir', reports);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^zdspec check: warning: GITHUB_STEP_SUMMARY=${notAFile}: cannot append the summary: EISDIR`));
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toContain('<testsuite name="upstream"');
  });
});
