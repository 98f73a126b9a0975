// The reports that end a check run, and a merge of runs (merge-reports):
// summary.{txt,md,json}, junit.xml, the semantic coverage, and index.html
// over all of them — one writer, so a merged report directory holds the same
// files, made the same way, as a run of everything on one machine. The
// Markdown summary is appended to $GITHUB_STEP_SUMMARY too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Counterexample } from '../check/counterexample.ts';
import type { ClassCoverage, JobSemantic } from '../coverage/semantic/merge.ts';
import type { CoverageClass } from '../coverage/semantic/scope.ts';
import { writeSemanticCoverage } from '../coverage/semantic/write-semantic-coverage.ts';
import { indexHtml } from './index-html.ts';
import { junitXml } from './junit.ts';
import type { ReportDir } from './report-dir.ts';
import { appendStepSummary } from './step-summary.ts';
import { type ProposalSummary, type RunInfo, summaryJson, summaryMarkdown, summaryText } from './summary.ts';

export interface RunReports {
  readonly rows: readonly ProposalSummary[];
  readonly info: RunInfo;
  /** Each counterexample's text report (junit.xml and index.html show it). */
  readonly texts: ReadonlyMap<Counterexample, string>;
  /** The jobs' semantic coverage; undefined: none to write. */
  readonly semantic: readonly JobSemantic[] | undefined;
  /** --min-semantic-coverage. */
  readonly required: readonly CoverageClass[];
  /** coverage/index.html is (or will be) in the directory (--coverage). */
  readonly coverage: boolean;
}

export interface WrittenReports {
  readonly json: string;
  /** Required classes of semantic coverage that miss cells. */
  readonly short: readonly ClassCoverage[];
  /** $GITHUB_STEP_SUMMARY could not be appended to. */
  readonly warning?: string;
}

export function writeRunReports(dir: ReportDir, r: RunReports): WrittenReports {
  dir.write('summary.txt', summaryText(r.rows, r.info));
  const md = summaryMarkdown(r.rows, r.info);
  dir.write('summary.md', md);
  const json = summaryJson(r.rows, r.info);
  dir.write('summary.json', json);
  dir.write('junit.xml', junitXml(r.rows, r.info, r.texts));
  const warning = appendStepSummary(md);
  const short = r.semantic === undefined ? [] : writeSemanticCoverage(dir, r.semantic, { generated: r.info.generated, seed: r.info.seed, required: r.required });
  const heatmap = join(dir.path, 'semantic-coverage.html');
  const parts = {
    coverage: r.coverage,
    files: [...dir.written, ...(r.coverage ? ['coverage/index.html'] : [])],
    ...(r.semantic !== undefined && existsSync(heatmap) ? { heatmap: readFileSync(heatmap, 'utf8') } : {}),
  };
  dir.write('index.html', indexHtml(r.rows, r.info, r.texts, parts));
  return { json, short, ...(warning === undefined ? {} : { warning }) };
}
