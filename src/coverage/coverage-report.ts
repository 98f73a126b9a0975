// Turning the V8 coverage a `--coverage` run left (NODE_V8_COVERAGE: one
// file per process and per worker thread, each with the source maps tsx
// made) into lcov, HTML and a text summary of zdspec's TypeScript sources
// (models/, src/) and the proposal files checked, mapped back to the .ts
// lines through those source maps. c8 does the conversion (v8-to-istanbul
// and the istanbul reporters); it is loaded only here, only with --coverage.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../cli/bad-input.ts';

/** The zdspec checkout: models/ and src/ are under it. */
export const ZDSPEC_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Left in a coverage directory zdspec wrote: only such a directory is emptied before the next report. */
const MARK = '.zdspec-coverage';

export interface CoverageTotals {
  readonly lines: Pct;
  readonly statements: Pct;
  readonly functions: Pct;
  readonly branches: Pct;
}
interface Pct {
  readonly total: number;
  readonly covered: number;
  readonly pct: number;
}

export interface CoverageReport {
  readonly dir: string;
  readonly total: CoverageTotals;
  /** Line coverage per source directory (models/kernel, src/check, ...; a proposal file by its path). */
  readonly byDir: readonly { readonly dir: string; readonly lines: Pct }[];
  /** The text summary as written to coverage-summary.txt. */
  readonly text: string;
}

/**
 * A run without --coverage leaves no coverage report of an earlier run in
 * its report directory (it holds one run); a directory zdspec did not write
 * is left alone.
 */
export function removeCoverageReport(dir: string): void {
  if (existsSync(join(dir, MARK))) rmSync(dir, { recursive: true, force: true });
}

/** c8's Report, imported on demand: a missing devDependency is a clear usage error, not a stack. */
async function loadC8(): Promise<typeof import('c8').Report> {
  try {
    return (await import('c8')).Report;
  } catch {
    throw new InputError('--coverage needs c8 (a devDependency of zdspec): run npm install in the zdspec checkout');
  }
}

/** Fails early (before a search runs) when c8 cannot be loaded. */
export async function assertCoverageAvailable(): Promise<void> {
  await loadC8();
}

interface RawCoverage {
  result?: { url: string }[];
  'source-map-cache'?: Record<string, { data?: { sources?: unknown } | null }>;
}

/**
 * Makes the raw coverage files fit for c8 and returns the files they cover.
 * tsx loads a proposal file outside an ESM package as CommonJS from a data:
 * URL, so V8 names that script by the URL; its source map names the file.
 * Such a script is renamed after the one file: source its source map has
 * (then it maps to the proposal's own lines); other scripts not named by a
 * file: or node: URL, and source maps not keyed by a file: URL, are dropped
 * (c8 cannot read them).
 */
function normalizeRawCoverage(rawDir: string): Set<string> {
  const loaded = new Set<string>();
  for (const f of readdirSync(rawDir)) {
    if (!f.endsWith('.json')) continue;
    const path = join(rawDir, f);
    const cov = JSON.parse(readFileSync(path, 'utf8')) as RawCoverage;
    const maps = cov['source-map-cache'] ?? {};
    const kept: Record<string, unknown> = {};
    let changed = false;
    const result = (cov.result ?? []).flatMap((script) => {
      if (script.url.startsWith('node:')) return [script];
      if (script.url.startsWith('file:')) {
        loaded.add(fileURLToPath(script.url));
        return [script];
      }
      changed = true;
      const map = maps[script.url];
      const sources = map?.data?.sources;
      const source = Array.isArray(sources) && sources.length === 1 && typeof sources[0] === 'string' && sources[0].startsWith('file:') ? sources[0].replace(/[?#].*$/, '') : undefined;
      if (source === undefined) return [];
      kept[source] = map;
      loaded.add(fileURLToPath(source));
      return [{ ...script, url: source }];
    });
    for (const [url, map] of Object.entries(maps)) {
      if (url.startsWith('file:')) kept[url] ??= map;
      else changed = true;
    }
    if (changed) writeFileSync(path, JSON.stringify({ ...cov, result, 'source-map-cache': kept }));
  }
  return loaded;
}

/**
 * Sources the run never loaded that hold no code at all (only types and
 * interfaces: they transpile to nothing, so nothing could ever run them).
 * Counting them as uncovered lines would understate the coverage.
 */
async function codelessFiles(root: string, loaded: ReadonlySet<string>): Promise<string[]> {
  const candidates = ['models', 'src']
    .flatMap((d) => readdirSync(join(root, d), { recursive: true, encoding: 'utf8' }).map((f) => join(root, d, f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !loaded.has(f));
  if (candidates.length === 0) return [];
  const ts = (await import('typescript')).default;
  const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: true };
  return candidates.filter((f) => ts.transpileModule(readFileSync(f, 'utf8'), { compilerOptions: options }).outputText.replace(/export \{\};?/g, '').trim() === '');
}

/**
 * Writes `dir`/lcov.info, index.html (and a page per file),
 * coverage-summary.json and coverage-summary.txt from the raw V8 coverage in
 * `rawDir`. Every .ts file under models/ and src/ counts, loaded or not (a
 * file the run never imported is 0%), test files excepted; `extraFiles`
 * (proposal files, anywhere on disk) are counted when they were loaded.
 * Files with no code (only types) are left out.
 */
export async function writeCoverageReport(rawDir: string, dir: string, extraFiles: readonly string[] = []): Promise<CoverageReport> {
  const Report = await loadC8();
  const out = resolve(dir);
  removeCoverageReport(out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARK), 'written by zdspec --coverage: emptied before the next coverage report\n');
  const root = ZDSPEC_ROOT.replace(/\/$/, '');
  const codeless = await codelessFiles(root, normalizeRawCoverage(rawDir));
  await new Report({
    tempDirectory: rawDir,
    reportsDirectory: out,
    reporter: ['lcovonly', 'html', 'json-summary', 'text-summary'],
    reporterOptions: {
      lcovonly: { projectRoot: root },
      'text-summary': { file: 'coverage-summary.txt' },
    },
    // Absolute globs (allowExternal): the report does not depend on the
    // working directory, and a proposal file outside the checkout counts.
    allowExternal: true,
    include: [`${root}/models/**`, `${root}/src/**`, ...extraFiles.map((f) => resolve(f))],
    // Tests and their helpers are not what a run exercises.
    exclude: ['**/*.test.ts', '**/*.fixtures.ts', '**/testing/**', '**/node_modules/**', ...codeless],
    extension: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
    all: true,
    src: [join(root, 'models'), join(root, 'src')],
    excludeNodeModules: true,
  }).run();
  const json = JSON.parse(readFileSync(join(out, 'coverage-summary.json'), 'utf8')) as Record<string, CoverageTotals>;
  const { total, ...files } = json;
  if (total === undefined) throw new Error(`coverage: ${out}/coverage-summary.json has no total`);
  const groups = new Map<string, { total: number; covered: number }>();
  for (const [file, t] of Object.entries(files)) {
    const rel = relative(root, file);
    const parts = rel.split('/');
    const key = rel.startsWith('..') || parts.length < 3 ? rel : `${parts[0]}/${parts[1]}`;
    const g = groups.get(key) ?? { total: 0, covered: 0 };
    g.total += t.lines.total;
    g.covered += t.lines.covered;
    groups.set(key, g);
  }
  const byDir = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([d, g]) => ({ dir: d, lines: { ...g, pct: g.total === 0 ? 100 : Math.round((g.covered / g.total) * 10_000) / 100 } }));
  const width = Math.max(...byDir.map((d) => d.dir.length), 10);
  const table = byDir.map((d) => `${d.dir.padEnd(width)}  ${d.lines.pct.toFixed(2).padStart(6)}% lines (${d.lines.covered}/${d.lines.total})`);
  const summaryFile = join(out, 'coverage-summary.txt');
  const text = `${readFileSync(summaryFile, 'utf8').trim()}\n\nLines by directory:\n${table.join('\n')}\n`;
  writeFileSync(summaryFile, text);
  return { dir: out, total, byDir, text };
}
