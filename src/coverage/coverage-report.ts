// Turning the V8 coverage a `--coverage` run left (NODE_V8_COVERAGE: one
// file per process and per worker thread, each with the source maps tsx
// made) into lcov, HTML and a text summary of zdspec's TypeScript sources
// (models/, src/) and the proposal files checked, mapped back to the .ts
// lines through those source maps. c8 does the conversion (v8-to-istanbul
// and the istanbul reporters); it is loaded only here, only with --coverage.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '../cli/bad-input.ts';
import { zdspecPackage } from '../util/package-root.ts';

/** The zdspec checkout: models/ and src/ are under it. */
export const ZDSPEC_ROOT = `${zdspecPackage().root}/`;

/** Left in a coverage directory zdspec wrote: only such a directory is emptied before the next report. */
const MARK = '.zdspec-coverage';

/**
 * The run's raw V8 coverage, kept beside the report (only zdspec's sources
 * and the proposal files, before the never-loaded files are added): what
 * merge-reports gives c8 again, with the other reports', to merge runs as
 * c8 merges processes and worker threads — not their lcov totals.
 */
export const RAW_COVERAGE_DIR = 'v8';

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

/** A devDependency --coverage needs, imported on demand: a missing one is a clear usage error, not a stack. */
async function importDevDependency<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    throw new InputError(`--coverage needs ${name} (a devDependency of zdspec): run npm install in the zdspec checkout`);
  }
}

const loadC8 = async (): Promise<typeof import('c8').Report> => (await importDevDependency('c8', () => import('c8'))).Report;
const loadEsbuild = (): Promise<typeof import('esbuild')> => importDevDependency('esbuild', () => import('esbuild'));

/** Fails early (before a search runs) when c8 or esbuild cannot be loaded. */
export async function assertCoverageAvailable(): Promise<void> {
  await loadC8();
  await loadEsbuild();
}

interface RawCoverage {
  result?: { url: string }[];
  'source-map-cache'?: Record<string, { data?: { sources?: unknown } | null }>;
}

/**
 * Makes the raw coverage files fit for c8, and small: keeps only the scripts
 * of files `counted` (Node's internals and node_modules go, which spares c8
 * most of its matching and merging), and returns those files. tsx loads a
 * proposal file outside an ESM package as CommonJS from a data: URL, so V8
 * names that script by the URL; its source map names the file. Such a
 * script is renamed after the one file: source of its source map (then it
 * maps to the proposal's own lines).
 */
function normalizeRawCoverage(rawDir: string, counted: (file: string) => boolean): Set<string> {
  const loaded = new Set<string>();
  for (const f of readdirSync(rawDir)) {
    if (!f.endsWith('.json')) continue;
    const path = join(rawDir, f);
    const cov = JSON.parse(readFileSync(path, 'utf8')) as RawCoverage;
    const maps = cov['source-map-cache'] ?? {};
    const kept: Record<string, unknown> = {};
    const result = (cov.result ?? []).flatMap((script) => {
      let url = script.url;
      if (!url.startsWith('file:')) {
        const sources = maps[url]?.data?.sources;
        const source = Array.isArray(sources) && sources.length === 1 && typeof sources[0] === 'string' && sources[0].startsWith('file:') ? sources[0].replace(/[?#].*$/, '') : undefined;
        if (source === undefined) return [];
        url = source;
      }
      const file = fileURLToPath(url);
      if (!counted(file)) return [];
      loaded.add(file);
      if (maps[script.url]) kept[url] = maps[script.url];
      return [{ ...script, url }];
    });
    writeFileSync(path, JSON.stringify({ result, 'source-map-cache': kept }));
  }
  return loaded;
}

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** zdspec's own sources that a run is measured against: models/ and src/, tests and their helpers left out. */
function isZdspecSource(root: string, file: string): boolean {
  if (!file.startsWith(`${root}/models/`) && !file.startsWith(`${root}/src/`)) return false;
  if (!SOURCE_EXTENSIONS.some((ext) => file.endsWith(ext)) || file.endsWith('.d.ts')) return false;
  return !/\.(test|fixtures)\.[cm]?[jt]s$/.test(file) && !file.includes('/testing/') && !file.includes('/node_modules/');
}

/**
 * Sources the run never loaded that hold no code at all (only types and
 * interfaces: they transpile to nothing, so nothing could ever run them).
 * Counting them as uncovered lines would understate the coverage.
 */
async function codelessFiles(files: readonly string[]): Promise<Set<string>> {
  const ts = files.filter((f) => f.endsWith('.ts'));
  if (ts.length === 0) return new Set();
  // esbuild's transform (its service: ~1 ms a file) decides as tsc's would:
  // the same 15 of 532 files came out empty when this replaced TypeScript's
  // transpileModule, which cost 1.2 s to load and parse a small run's files.
  const { transform } = await loadEsbuild();
  const emitted = await Promise.all(ts.map((f) => transform(readFileSync(f, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', legalComments: 'none' })));
  return new Set(ts.filter((_, i) => emitted[i]!.code.replace(/export \{\};?/g, '').trim() === ''));
}

/**
 * The sources of models/ and src/ the run never loaded, as V8 coverage of
 * nothing run (as c8 --all does): they count, at 0%. Those with no code are
 * left out.
 */
async function writeUnloaded(rawDir: string, root: string, loaded: ReadonlySet<string>): Promise<void> {
  const unloaded = ['models', 'src']
    .flatMap((d) => readdirSync(join(root, d), { recursive: true, encoding: 'utf8' }).map((f) => join(root, d, f)))
    .filter((f) => isZdspecSource(root, f) && !loaded.has(f));
  const codeless = await codelessFiles(unloaded);
  const result = unloaded
    .filter((f) => !codeless.has(f))
    .map((f) => ({
      scriptId: '0',
      url: pathToFileURL(f).href,
      functions: [{ functionName: '(not loaded)', ranges: [{ startOffset: 0, endOffset: statSync(f).size, count: 0 }], isBlockCoverage: true }],
    }));
  writeFileSync(join(rawDir, 'coverage-zdspec-not-loaded.json'), JSON.stringify({ result }));
}

/**
 * Writes `dir`/lcov.info, index.html (and a page per file),
 * coverage-summary.json and coverage-summary.txt from the raw V8 coverage in
 * `rawDir` (kept in `dir`/v8). Every source file under models/ and src/ counts, loaded or not (a
 * file the run never imported is 0%), tests and files with no code (only
 * types) excepted; `extraFiles` (proposal files, anywhere on disk) are
 * counted when they were loaded.
 */
export async function writeCoverageReport(rawDir: string, dir: string, extraFiles: readonly string[] = []): Promise<CoverageReport> {
  const Report = await loadC8();
  const out = resolve(dir);
  removeCoverageReport(out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARK), 'written by zdspec --coverage: emptied before the next coverage report\n');
  const root = ZDSPEC_ROOT.replace(/\/$/, '');
  const extra = new Set(extraFiles.map((f) => resolve(f)));
  const loaded = normalizeRawCoverage(rawDir, (file) => isZdspecSource(root, file) || extra.has(file));
  cpSync(rawDir, join(out, RAW_COVERAGE_DIR), { recursive: true });
  await writeUnloaded(rawDir, root, loaded);
  await new Report({
    tempDirectory: rawDir,
    reportsDirectory: out,
    reporter: ['lcovonly', 'html', 'json-summary', 'text-summary'],
    reporterOptions: {
      lcovonly: { projectRoot: root },
      'text-summary': { file: 'coverage-summary.txt' },
    },
    // The raw files hold only what counts now: no globs to match (they
    // would cost seconds), paths outside the working directory allowed.
    allowExternal: true,
    include: [],
    exclude: [],
    extension: [],
    excludeNodeModules: false,
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
