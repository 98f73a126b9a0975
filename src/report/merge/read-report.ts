// One report directory as merge-reports reads it: its summary.json (the run,
// and per proposal what it found), every counterexample file the summary
// names — read now, so that nothing is missing once the merged directory is
// being written —, its semantic coverage and its raw V8 coverage when there
// are. The counterexamples are rebuilt from their JSON files (the steps and
// their results, the finding) and the summary (timing), so the merged
// junit.xml and index.html show them as the check did. Anything missing or
// malformed is an InputError naming the file and field (exit 2).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EraName } from '../../../models/eras/era.ts';
import type { OpResult } from '../../../models/ops.ts';
import type { Counterexample } from '../../check/counterexample.ts';
import type { CheckId, FindingKind } from '../../check/failure.ts';
import type { SelectableCheck } from '../../check/checks.ts';
import type { CommandStats } from '../../check/stats.ts';
import { InputError } from '../../cli/bad-input.ts';
import { RAW_COVERAGE_DIR } from '../../coverage/coverage-report.ts';
import type { JobSemantic } from '../../coverage/semantic/merge.ts';
import { readSemanticCoverage } from '../../coverage/semantic/read-semantic-coverage.ts';
import { asStep } from '../../runner/run-trace.ts';
import { parseTrace } from '../../trace/parse-trace.ts';
import { splitCounterexample } from '../read-counterexample.ts';
import type { CounterexamplePaths } from '../render-counterexample.ts';
import type { ProposalStatus, ProposalSummary, RunInfo } from '../summary.ts';
import { Fields, readJsonObject } from './json-fields.ts';

export interface FoundFiles {
  readonly cx: Counterexample;
  /** Where the check wrote them (the summary's `files`). */
  readonly paths: CounterexamplePaths;
  readonly txt: string;
  readonly md: string;
  readonly json: string;
}

export interface ReportRow {
  /** The report directory it was read from, as given. */
  readonly dir: string;
  /** As the summary has it: `files` and `unshrunk` name the files where the check wrote them. */
  readonly summary: ProposalSummary;
  /** The `<stem>` of its files (undefined: it wrote none). */
  readonly stem: string | undefined;
  readonly found: readonly FoundFiles[];
  readonly unshrunk: readonly { readonly check: string; readonly json: string }[];
}

export interface InputReport {
  /** As given on the command line. */
  readonly dir: string;
  readonly summaryFile: string;
  readonly info: RunInfo;
  readonly rows: readonly ReportRow[];
  /** Its semantic coverage; a reason when there is none to merge. */
  readonly semantic: readonly JobSemantic[] | { readonly missing: string };
  /** Its raw V8 coverage directory (check --coverage). */
  readonly rawCoverage?: string;
}

const STATUSES: readonly ProposalStatus[] = ['done', 'interrupted', 'not started', 'failed'];

export function readReport(dir: string): InputReport {
  if (!existsSync(dir)) throw new InputError(`merge-reports: ${dir}: no such directory`);
  if (!statSync(dir).isDirectory()) throw new InputError(`merge-reports: ${dir}: not a directory (expected a zdspec check report directory)`);
  const summaryFile = join(dir, 'summary.json');
  if (!existsSync(summaryFile)) throw new InputError(`merge-reports: ${dir}: not a zdspec report directory (no summary.json; zdspec check --report-dir ${dir} writes one)`);
  const root = readJsonObject(summaryFile, 'the summary.json of a zdspec check');
  const info = runInfo(root);
  const rows = root.objs('proposals').map((row) => readRow(dir, row));
  const raw = join(dir, 'coverage', RAW_COVERAGE_DIR);
  return { dir, summaryFile, info, rows, semantic: readSemanticCoverage(join(dir, 'semantic-coverage.json')), ...(existsSync(raw) ? { rawCoverage: raw } : {}) };
}

function runInfo(root: Fields): RunInfo {
  const options = root.obj('options');
  for (const key of Object.keys(options.value)) {
    const v = options.raw(key);
    const ok = ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) options.fail(key, 'a string, number, boolean or array of strings');
  }
  const interrupted = root.has('interrupted') ? root.obj('interrupted') : undefined;
  const shard = root.has('shard') ? root.obj('shard') : undefined;
  return {
    zdspec: root.str('zdspec'),
    node: root.str('node'),
    generated: root.str('generated'),
    durationMs: root.num('durationMs'),
    seed: root.num('seed'),
    options: options.value as RunInfo['options'],
    ...(interrupted ? { interrupted: { signal: interrupted.str('signal'), finish: interrupted.str('finish') } } : {}),
    ...(shard ? { shard: { index: shard.num('index'), count: shard.num('count'), plan: shard.strs('plan'), jobs: shard.nums('jobs') } } : {}),
  };
}

/** `<stem>` of a file named `<stem><suffix>` by the summary. */
function stemOf(row: Fields, key: string, path: string, suffix: string): string {
  const name = basename(path);
  return name.endsWith(suffix) && name.length > suffix.length ? name.slice(0, -suffix.length) : row.fail(key, `a file named <stem>${suffix}`);
}

function readFile(dir: string, recorded: string, what: string): string {
  const file = join(dir, basename(recorded));
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new InputError(`merge-reports: ${file}: ${why} (summary.json names it: ${what})`);
  }
}

function readRow(dir: string, row: Fields): ReportRow {
  const proposal = row.str('proposal');
  const era = row.str('era');
  const stems = new Set<string>();
  const found = row.objs('counterexamples').map((c): FoundFiles => {
    const check = c.str('check');
    const files = c.obj('files');
    const paths = { txt: files.str('txt'), md: files.str('md'), json: files.str('json') };
    stems.add(stemOf(files, 'txt', paths.txt, `.${check}.txt`));
    const what = `the ${check} counterexample of ${proposal}`;
    const json = readFile(dir, paths.json, what);
    return { cx: counterexampleOf(join(dir, basename(paths.json)), json, proposal, era, c), paths, txt: readFile(dir, paths.txt, what), md: readFile(dir, paths.md, what), json };
  });
  const unshrunkPaths = row.strRecord('unshrunk');
  const unshrunk = Object.entries(unshrunkPaths).map(([check, path]) => {
    stems.add(stemOf(row, 'unshrunk', path, `.${check}.unshrunk.json`));
    return { check, json: readFile(dir, path, `the unshrunk ${check} counterexample of ${proposal}`) };
  });
  if (stems.size > 1) row.fail('counterexamples', `the files of one proposal, one stem (got ${[...stems].join(', ')})`);
  const summary: ProposalSummary = {
    proposal,
    name: row.str('name'),
    era,
    status: row.oneOf('status', STATUSES),
    runs: row.num('runs'),
    commands: row.num('commands'),
    elapsedMs: row.num('elapsedMs'),
    timeLimited: row.bool('timeLimited'),
    checks: row.strs('checks'),
    found: found.map((f) => f.cx),
    files: Object.fromEntries(found.map((f) => [f.cx.check, f.paths])),
    unshrunk: unshrunkPaths,
    ...(row.has('commandStats') ? { stats: row.obj('commandStats').value as CommandStats } : {}),
    ...(row.has('error') ? { error: row.str('error') } : {}),
  };
  return { dir, summary, stem: [...stems][0], found, unshrunk };
}

/** A counterexample again, from its JSON file (steps, results, finding) and its summary entry (timing). */
function counterexampleOf(file: string, text: string, proposal: string, era: string, entry: Fields): Counterexample {
  const { traceText, meta } = splitCounterexample(text, file);
  if (meta === undefined) throw new InputError(`${file}: counterexample: expected the metadata zdspec check writes (a trace without it is not a counterexample report)`);
  const m = new Fields(file, meta as unknown as Readonly<Record<string, unknown>>, 'counterexample');
  if (m.str('check') !== entry.str('check')) throw new InputError(`${file}: counterexample.check: expected ${entry.str('check')} (as summary.json says), got ${meta.check}`);
  const trace = parseTrace(traceText, file);
  const steps = trace.steps.map((s) => ({ step: asStep(s), ...(s.recorded === undefined ? {} : { result: s.recorded as OpResult }) }));
  const check = meta.check as CheckId;
  const side = m.has('side') ? m.str('side') : undefined;
  return {
    proposal,
    era: era as EraName,
    check,
    finding: { kind: m.str('kind') as FindingKind, check, ...(side === undefined ? {} : { side }), stepIndex: m.num('step') - 1, message: m.str('message') },
    steps,
    trace,
    seed: m.num('seed'),
    path: m.str('path'),
    replay: m.str('replay'),
    checks: m.strs('checks') as SelectableCheck[],
    maxCommands: m.num('maxCommands'),
    timing: {
      runsToFirst: entry.num('runsToFirst'),
      msToFirst: entry.num('secondsToFirst') * 1000,
      shrinks: entry.num('shrinks'),
      shrinkMs: entry.num('shrinkSeconds') * 1000,
    },
  };
}
