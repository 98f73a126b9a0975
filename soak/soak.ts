// `npm run soak`: the long campaign that proves "never cries wolf" deep —
// every built-in proposal, with every check its header says holds, over
// ZDSPEC_SOAK_RUNS runs (default 20,000, split over ZDSPEC_SOAK_SEEDS seeds,
// default 4) of up to ZDSPEC_SOAK_MAX_COMMANDS commands (default 200). Any
// finding is a false positive of zdspec (or a wrong header): the soak
// writes it to reports/soak/ and exits 1. Not part of `npm test`.
// ZDSPEC_SOAK_ONLY=upstream,v6.1 limits it; ZDSPEC_SOAK_WORKERS sets the
// worker threads (default: every core); ZDSPEC_SOAK_SEED the first seed
// (built-in number i uses seeds from ZDSPEC_SOAK_SEED + 1000 i);
// ZDSPEC_SOAK_THREADS=1 adds the thread commands (check --threads) to every
// job: races, judged for linearizability; ZDSPEC_SOAK_THREADS=pct schedules
// them by PCT plans (check --threads --schedule pct).
import { availableParallelism } from 'node:os';
import { BUILTIN_PROPOSALS } from '../models/proposals/registry.ts';
import { ALL_CHECKS, type SelectableCheck } from '../src/check/checks.ts';
import type { CheckJob } from '../src/check/pool/check-job.ts';
import type { FromWorker } from '../src/check/pool/messages.ts';
import { runPool } from '../src/check/pool/worker-pool.ts';
import { openReportDir } from '../src/report/report-dir.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = env('ZDSPEC_SOAK_RUNS', 20_000);
const SEEDS = env('ZDSPEC_SOAK_SEEDS', 4);
const MAX_COMMANDS = env('ZDSPEC_SOAK_MAX_COMMANDS', 200);
const WORKERS = env('ZDSPEC_SOAK_WORKERS', availableParallelism());
const FIRST_SEED = env('ZDSPEC_SOAK_SEED', 1);
const THREADS = process.env.ZDSPEC_SOAK_THREADS === '1' || process.env.ZDSPEC_SOAK_THREADS === 'pct';
const PCT = process.env.ZDSPEC_SOAK_THREADS === 'pct';
const ONLY = process.env.ZDSPEC_SOAK_ONLY?.split(',').map((s) => s.trim());
const DIR = 'reports/soak';

/** The checks a built-in's header says hold: a finding of any of them is a false positive. */
function holdingChecks(b: (typeof BUILTIN_PROPOSALS)[number]): SelectableCheck[] {
  return ALL_CHECKS.filter((c) => (c === 'refinement' ? (b.refinement?.verdict ?? 'holds') === 'holds' : b.expected[c] === 'holds'));
}

const builtins = BUILTIN_PROPOSALS.filter((b) => ONLY === undefined || ONLY.includes(b.name));
const generated = new Date().toISOString();
const dir = openReportDir(DIR, { soak: true, started: generated });
const jobs: CheckJob[] = [];
for (let s = 0; s < SEEDS; s++) {
  for (const [i, b] of builtins.entries()) {
    // Each built-in its own seeds: the command sequences depend on the seed
    // (and the era's memory types), so shared seeds would repeat them.
    const seed = FIRST_SEED + s + 1000 * i;
    jobs.push({
      index: jobs.length,
      load: b.name,
      given: b.name,
      traceProposal: b.name,
      isFile: false,
      stem: `${b.name}.seed-${seed}`,
      reportDir: DIR,
      generated,
      options: {
        invariants: holdingChecks(b),
        runs: Math.ceil(RUNS / SEEDS),
        maxCommands: MAX_COMMANDS,
        seed,
        ...(THREADS ? { focus: { threads: true, ...(PCT ? { schedule: 'pct' as const } : {}) } } : {}),
      },
    });
  }
}

console.log(
  `zdspec soak: ${builtins.length} built-ins × ${SEEDS} seeds, ${Math.ceil(RUNS / SEEDS)} runs each, max ${MAX_COMMANDS} commands, ${WORKERS} workers${THREADS ? `, with threads${PCT ? ' (PCT)' : ''}` : ''}`,
);
const started = performance.now();
const findings: string[] = [];
const commands = new Map<number, number>();
let done = 0;
const onMessage = (m: FromWorker) => {
  if (m.type === 'ready') return;
  const job = jobs[m.job]!;
  if (m.type === 'progress') commands.set(m.job, m.commands);
  else if (m.type === 'finding') {
    const cx = m.counterexample;
    const file = dir.write(`${job.stem}.${cx.check}.txt`, m.rendered.txt);
    dir.write(`${job.stem}.${cx.check}.json`, m.rendered.json);
    dir.write(`${job.stem}.${cx.check}.md`, m.rendered.md);
    findings.push(`${job.given} seed ${job.options.seed}: ${cx.check} (${cx.steps.length} steps) ${file}\n    ${cx.replay} --max-commands ${MAX_COMMANDS}`);
    console.log(`FOUND ${findings.at(-1)}`);
  } else if (m.type === 'done') {
    done++;
    commands.set(m.job, m.outcome.commands);
    const secs = (performance.now() - started) / 1000;
    const total = [...commands.values()].reduce((a, b) => a + b, 0);
    console.log(
      `[${done}/${jobs.length}] ${job.given} seed ${job.options.seed}: ${m.outcome.found.length ? 'FOUND' : 'clean'}, ${m.outcome.runs} runs, ${m.outcome.commands} commands (total ${total} commands, ${Math.round(total / secs)}/s, ${secs.toFixed(0)} s)`,
    );
  } else if (m.type === 'failed') {
    findings.push(`${job.given} seed ${job.options.seed}: the job failed: ${m.message}`);
    console.log(`FAILED ${findings.at(-1)}`);
  }
};
const pool = runPool(jobs, WORKERS, onMessage);
process.on('SIGINT', () => void pool.stop());
await pool.finished;
const report = [`zdspec soak ${generated}: ${done}/${jobs.length} jobs, ${findings.length} finding(s)`, ...findings].join('\n');
dir.write('soak.txt', `${report}\n`);
console.log(`\n${report}`);
process.exitCode = findings.length > 0 || done < jobs.length ? 1 : 0;
