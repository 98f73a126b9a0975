// The end of a check run: the jobs' semantic coverage merged and written to
// the report directory (through its writer, so the manifest lists them),
// and what `--min-semantic-coverage` classes miss.
import type { ReportDir } from '../../report/report-dir.ts';
import { classCoverage, mergeJobs, type ClassCoverage, type JobSemantic } from './merge.ts';
import { semanticHtml } from './render-html.ts';
import { semanticJson, type SemanticRunInfo } from './render-json.ts';
import { semanticMarkdown } from './render-md.ts';

export const SEMANTIC_FILES = ['semantic-coverage.json', 'semantic-coverage.md', 'semantic-coverage.html'] as const;

/** Writes the three reports; returns the required classes that miss cells (empty: the minimum is met). */
export function writeSemanticCoverage(dir: ReportDir, jobs: readonly JobSemantic[], info: SemanticRunInfo): ClassCoverage[] {
  const cov = mergeJobs(jobs);
  dir.write('semantic-coverage.json', semanticJson(cov, info));
  dir.write('semantic-coverage.md', semanticMarkdown(cov, info));
  dir.write('semantic-coverage.html', semanticHtml(cov, info));
  return info.required.map((cls) => classCoverage(cov, cls)).filter((c) => c.missing.length > 0);
}

/** One line per required class that misses cells, naming them. */
export const shortLines = (short: readonly ClassCoverage[]): string[] =>
  short.map((s) => `semantic coverage below the minimum: ${s.cls}: ${s.missing.length} of ${s.cells} never reached: ${s.missing.join(', ')}`);
