// merge-reports: the report directories of the shards of one check (or of
// separate runs of one check's options) merged into one, as if one machine
// had run it all: every input is read and checked before the merged
// directory is touched (bad input is exit 2 with nothing written); then the
// counterexample files are copied, the semantic and code coverage merged
// when every input has them, and the summaries, junit.xml and index.html
// written again over all the proposals (write-run-reports.ts, as the check
// writes them).
import { join, resolve } from 'node:path';
import { InputError } from '../../cli/bad-input.ts';
import { assertCoverageAvailable, removeCoverageReport } from '../../coverage/coverage-report.ts';
import { mergeCoverage } from '../../coverage/merge-coverage.ts';
import type { CoverageReport } from '../../coverage/coverage-report.ts';
import type { JobSemantic } from '../../coverage/semantic/merge.ts';
import { COVERAGE_CLASSES, type CoverageClass } from '../../coverage/semantic/scope.ts';
import { proposalFiles } from '../../coverage/under-coverage.ts';
import { zdspecVersion } from '../../util/zdspec-version.ts';
import { openReportDir, type ReportDir } from '../report-dir.ts';
import type { ProposalSummary, RunInfo } from '../summary.ts';
import { type WrittenReports, writeRunReports } from '../write-run-reports.ts';
import { combineReports } from './combine-reports.ts';
import { type InputReport, type ReportRow, readReport } from './read-report.ts';
import { writeMergedCounterexamples } from './write-merged-counterexamples.ts';

export interface MergeResult extends WrittenReports {
  readonly dir: ReportDir;
  readonly inputs: readonly InputReport[];
  readonly rows: readonly ProposalSummary[];
  readonly info: RunInfo;
  /** What was not merged, and why; renamed files. */
  readonly notes: readonly string[];
  /** The merged code coverage, when every input had it. */
  readonly coverage?: CoverageReport;
}

/** The jobs' semantic coverage in the merged rows' order; a reason when some input has none. */
function semanticOf(inputs: readonly InputReport[], rows: readonly ReportRow[]): JobSemantic[] | string {
  const lacking = inputs.map((r) => r.semantic).find((s): s is { missing: string } => 'missing' in s);
  if (lacking !== undefined) return lacking.missing;
  const left = new Map(inputs.map((r) => [r.dir, [...(r.semantic as readonly JobSemantic[])]]));
  const jobs: JobSemantic[] = [];
  for (const row of rows) {
    const mine = left.get(row.dir) ?? [];
    const at = mine.findIndex((j) => j.proposal === row.summary.proposal);
    if (at >= 0) jobs.push(...mine.splice(at, 1));
  }
  return [...jobs, ...[...left.values()].flat()];
}

export async function mergeReports(out: string, dirs: readonly string[]): Promise<MergeResult> {
  for (const d of dirs) if (resolve(d) === resolve(out)) throw new InputError(`merge-reports: ${out} is also an input: write the merged report to another directory`);
  const twice = dirs.find((d, i) => dirs.findIndex((e) => resolve(e) === resolve(d)) !== i);
  if (twice !== undefined) throw new InputError(`merge-reports: ${twice} given twice: each report merges once`);
  const inputs = dirs.map(readReport);
  const combined = combineReports(inputs);
  const raws = inputs.flatMap((r) => r.rawCoverage ?? []);
  const withCoverage = raws.length === inputs.length;
  if (withCoverage) await assertCoverageAvailable();
  const dir = openReportDir(out, { zdspec: zdspecVersion(), started: new Date().toISOString(), command: ['zdspec', 'merge-reports', out, ...dirs] }, 'merge-reports: OUT');
  const notes: string[] = [];
  const files = writeMergedCounterexamples(dir, combined.rows);
  for (const r of files.renamed) notes.push(`${r.from}.* had a name another report had: kept as ${r.to}.*`);
  const coverageDir = join(out, 'coverage');
  const coverage = withCoverage ? await mergeCoverage(raws, coverageDir, proposalFiles(combined.rows.map((r) => r.summary.proposal))) : undefined;
  if (!withCoverage) {
    removeCoverageReport(coverageDir);
    if (raws.length > 0) notes.push(`code coverage not merged: only ${raws.length} of the ${inputs.length} reports have it (coverage/v8/, check --coverage)`);
  }
  const semantic = semanticOf(inputs, combined.rows);
  if (typeof semantic === 'string') notes.push(`semantic coverage not merged: ${semantic}`);
  const info: RunInfo = { ...combined.info, ...(combined.info.merged ? { merged: { ...combined.info.merged, renamed: files.renamed } } : {}) };
  const required = info.options['min-semantic-coverage'];
  const written = writeRunReports(dir, {
    rows: files.rows,
    info,
    texts: files.texts,
    semantic: typeof semantic === 'string' ? undefined : semantic,
    required: Array.isArray(required) ? required.filter((c): c is CoverageClass => (COVERAGE_CLASSES as readonly string[]).includes(c)) : [],
    coverage: withCoverage,
  });
  return { ...written, dir, inputs, rows: files.rows, info, notes, ...(coverage ? { coverage } : {}) };
}
