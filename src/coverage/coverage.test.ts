// `--coverage` measures what the run really executed, mapped to the .ts
// lines: a trace of memremap_pages, mmap and cpu_read covers cpu_read's body
// and not cpu_write's (the next function in the same file), and nothing of
// memory_failure. A real child process (the verb re-executes itself under
// NODE_V8_COVERAGE), so about 8 s. Two runs' coverage merged (merge-reports)
// counts each hit of both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCoverage } from './merge-coverage.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/zdspec.js');
const dir = mkdtempSync(join(tmpdir(), 'zdspec-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRACE = {
  title: 'cpu_read only',
  steps: [
    { op: 'memremap_pages', args: { type: 'PRIVATE', owner: 'dmirror0', npages: 16 } },
    { op: 'mmap', args: { proc: 'p0', npages: 4, kind: 'anon', shared: false, prot: 'write' } },
    { op: 'cpu_read', args: { proc: 'p0', vpn: 1 }, expect: { value: 0 } },
  ],
};

interface FileCoverage {
  readonly lines: Map<number, number>;
  readonly functions: Map<string, number>;
}

function parseLcov(text: string): Map<string, FileCoverage> {
  const files = new Map<string, FileCoverage>();
  let current: FileCoverage | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('SF:')) files.set(line.slice(3), (current = { lines: new Map(), functions: new Map() }));
    else if (line.startsWith('DA:') && current) {
      const [n, hits] = line.slice(3).split(',').map(Number);
      current.lines.set(n as number, hits as number);
    } else if (line.startsWith('FNDA:') && current) {
      const [hits, name] = line.slice(5).split(',') as [string, string];
      current.functions.set(name, Math.max(current.functions.get(name) ?? 0, Number(hits)));
    }
  }
  return files;
}

/** The body lines (after the signature, before the closing brace) of `export function name(` in a source file. */
function bodyLines(file: string, name: string): number[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`export function ${name}(`));
  if (start < 0) throw new Error(`${file}: no export function ${name}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
  return Array.from({ length: end - start - 1 }, (_, i) => start + i + 2);
}

describe('zdspec run --coverage', () => {
  it('covers the operations the trace runs, and only those, by their .ts lines', () => {
    const trace = join(dir, 'cpu-read.json');
    writeFileSync(trace, JSON.stringify(TRACE));
    // From another directory: the report goes to ./reports/coverage there.
    const r = spawnSync(process.execPath, [BIN, 'run', trace, '--proposal', 'upstream', '--coverage', '--quiet'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('every check holds');
    expect(r.stdout).toMatch(/^coverage: [\d.]+% of lines \(\d+\/\d+\) in models\/, src\/: reports\/coverage\/index\.html, reports\/coverage\/lcov\.info$/m);
    const out = join(dir, 'reports/coverage');
    for (const f of ['index.html', 'coverage-summary.txt', 'coverage-summary.json']) expect(existsSync(join(out, f)), f).toBe(true);

    const lcov = parseLcov(readFileSync(join(out, 'lcov.info'), 'utf8'));
    const access = lcov.get('models/kernel/user-access.ts');
    const failure = lcov.get('models/kernel/memory-failure.ts');
    if (!access || !failure) throw new Error(`lcov.info lacks user-access.ts or memory-failure.ts: ${[...lcov.keys()].slice(0, 5).join(', ')}, ...`);
    // cpu_read ran (once: the trace reads one page); cpu_write, in the same file, never did.
    expect(access.functions.get('cpu_read')).toBe(1);
    expect(access.functions.get('cpu_write')).toBe(0);
    const read = bodyLines('models/kernel/user-access.ts', 'cpu_read');
    expect(read.map((n) => access.lines.get(n) ?? 0).every((hits) => hits > 0)).toBe(true);
    const write = bodyLines('models/kernel/user-access.ts', 'cpu_write');
    expect(write.map((n) => access.lines.get(n))).toEqual(write.map(() => 0));
    // memory_failure: not one line of its body, and no function of the file but esbuild's __name helper.
    const mf = bodyLines('models/kernel/memory-failure.ts', 'memory_failure');
    expect(mf.map((n) => failure.lines.get(n))).toEqual(mf.map(() => 0));
    expect([...failure.functions].filter(([name, hits]) => hits > 0 && name !== '__name')).toEqual([]);
    // No test file is counted; a file of types only (no code to run) neither.
    expect([...lcov.keys()].filter((f) => f.endsWith('.test.ts'))).toEqual([]);
    expect(lcov.has('models/state.ts')).toBe(false);
    // The summary by directory has the kernel model and the reference.
    const summary = readFileSync(join(out, 'coverage-summary.txt'), 'utf8');
    expect(summary).toMatch(/^Lines\s+: [\d.]+% \( \d+\/\d+ \)$/m);
    expect(summary).toMatch(/^models\/kernel\s+[\d.]+% lines/m);
    expect(summary).toMatch(/^models\/reference\s+[\d.]+% lines/m);
  }, 60_000);

  it('merges the raw coverage of two runs (merge-reports): every hit of both counts', async () => {
    const raw = join(dir, 'reports/coverage/v8');
    expect(existsSync(raw)).toBe(true);
    const merged = join(dir, 'merged-coverage');
    const report = await mergeCoverage([raw, raw], merged, []);
    const access = parseLcov(readFileSync(join(merged, 'lcov.info'), 'utf8')).get('models/kernel/user-access.ts');
    expect(access?.functions.get('cpu_read')).toBe(2);
    expect(access?.functions.get('cpu_write')).toBe(0);
    expect(report.total.lines.covered).toBeGreaterThan(0);
    expect(existsSync(join(merged, 'index.html'))).toBe(true);
  }, 60_000);
});
