// merge-reports: the code coverage of several `check --coverage` runs as one
// report. Their raw V8 coverage (kept in each coverage/v8/) goes to c8
// together, through the same writer as one run's (coverage-report.ts), so a
// line two shards ran counts both and a file one shard loaded is not 0%.
// The raw files name sources by absolute path: merge on a checkout at the
// same place as the runs' (CI jobs of one workflow are).
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CoverageReport, writeCoverageReport } from './coverage-report.ts';

/** `rawDirs`: each run's coverage/v8; `out`: the merged coverage directory. */
export async function mergeCoverage(rawDirs: readonly string[], out: string, proposalFiles: readonly string[]): Promise<CoverageReport> {
  const raw = mkdtempSync(join(tmpdir(), 'zdspec-merge-coverage-'));
  try {
    // Prefixed: two machines may have had the same pid.
    rawDirs.forEach((dir, i) => {
      for (const f of readdirSync(dir)) if (f.endsWith('.json')) copyFileSync(join(dir, f), join(raw, `${i + 1}-${f}`));
    });
    return await writeCoverageReport(raw, out, proposalFiles);
  } finally {
    rmSync(raw, { recursive: true, force: true });
  }
}
