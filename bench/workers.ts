// `zdspec check --all` at 1 and 2 worker threads: the speed-up, and that
// the verdicts and every counterexample file are the same (a counterexample
// names the seed and path that reproduce it single-threaded). The real CLI
// in a child process, timed from here; its start (tsx or dist/) is in both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/zdspec.js', import.meta.url).pathname;

export interface WorkersRun {
  readonly workers: number;
  readonly seconds: number;
  readonly exitCode: number | null;
  /** proposal → check → verdict. */
  readonly verdicts: Record<string, Record<string, string>>;
  /** counterexample file → its JSON without the run's timestamp. */
  readonly counterexamples: Record<string, string>;
}

export interface WorkersComparison {
  readonly runs: readonly WorkersRun[];
  readonly speedup: number;
  readonly sameVerdicts: boolean;
  readonly sameCounterexamples: boolean;
}

function checkAll(workers: number, runs: number, seed: number): WorkersRun {
  const dir = mkdtempSync(join(tmpdir(), 'zdspec-bench-workers-'));
  try {
    const started = performance.now();
    const child = spawnSync(process.execPath, [BIN, 'check', '--all', '--workers', String(workers), '--runs', String(runs), '--seed', String(seed), '--report-dir', dir], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' },
    });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0 && child.status !== 1) throw new Error(`bench: check --all --workers ${workers} exited ${child.status}: ${child.stderr}`);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { proposals: { proposal: string; verdicts: Record<string, string> }[] };
    const verdicts = Object.fromEntries(summary.proposals.map((p) => [p.proposal, p.verdicts]));
    const counterexamples: Record<string, string> = {};
    // Not the run's manifest (.zdspec-run.json has its own timestamps), nor summaries or coverage.
    for (const f of readdirSync(dir)
      .sort()
      .filter((f) => f.endsWith('.json') && !f.startsWith('.') && !f.startsWith('summary') && !f.startsWith('semantic'))) {
      const cx = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { counterexample?: { generated?: string } };
      if (cx.counterexample) delete cx.counterexample.generated;
      counterexamples[f] = JSON.stringify(cx);
    }
    return { workers, seconds, exitCode: child.status, verdicts, counterexamples };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function compareWorkers(runs: number, seed: number): WorkersComparison {
  const one = checkAll(1, runs, seed);
  const two = checkAll(2, runs, seed);
  return {
    runs: [one, two],
    speedup: one.seconds / two.seconds,
    sameVerdicts: JSON.stringify(one.verdicts) === JSON.stringify(two.verdicts),
    sameCounterexamples: JSON.stringify(one.counterexamples) === JSON.stringify(two.counterexamples),
  };
}
