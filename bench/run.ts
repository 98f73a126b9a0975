// `npm run bench` (tsx bench/run.ts): how fast the checker is, measured
// with tinybench in one process (warm-up, several samples, medians) — the
// throughput ladder from fast-check's raw loop to the full check, how cost
// grows with sequence length and machine size, time to a shrunk
// counterexample for coherent-v1 and every mutant, and check --all at 1 and
// 2 workers, `zdspec --help`'s start, zdspec explore (bench/explore.ts),
// explore at 1 thread and 2 workers (bench/explore-workers.ts), and shrink
// quality against explore (bench/shrink-quality.ts), and threads (bench/threads.ts; BENCH_THREADS=0 skips it). Prints the tables and
// issues 10's and 11's targets, writes reports/bench.{json,md}, and compares
// with bench/baseline.json (exit 1 on a regression over 20% when
// BENCH_STRICT=1). Never part of `npm test`.
//
// BENCH_COMMANDS (commands per full-check sample, default 2000),
// BENCH_SAMPLES (default 5), BENCH_SEEDS (coherent-v1's time-to-counterexample
// seeds, default 10), BENCH_MUTANT_SEEDS (each mutant's, default 10), BENCH_MUTANTS (comma list of ids, or 'none'; default all),
// BENCH_WORKERS_RUNS (check --all --runs, default 200; 0 skips it),
// BENCH_EXPLORE=0 (skip the explore section), BENCH_EXPLORE_STATES and
// BENCH_EXPLORE_SAMPLES (its knobs: bench/explore.ts),
// BENCH_EXPLORE_WORKERS (explore's worker threads against one thread,
// default 2; 0 skips it: bench/explore-workers.ts), BENCH_SHRINK=0 (skip
// shrink quality), BENCH_SHRINK_STATES, BENCH_SHRINK_RUNS and
// BENCH_SHRINK_MUTANTS (its knobs: bench/shrink-quality.ts),
// BENCH_WRITE_BASELINE=1 (write this run as the baseline).
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { writeAtomic } from '../src/report/write-atomic.ts';
import { zdspecVersion } from '../src/util/zdspec-version.ts';
import { metricsOf, regressions } from './baseline.ts';
import type { BenchResult } from './bench-result.ts';
import { measure, type Measured } from './measure.ts';
import { exploreBench } from './explore.ts';
import { exploreWorkersBench } from './explore-workers.ts';
import { threadsBench } from './threads.ts';
import { benchMarkdown } from './report.ts';
import { scaling } from './scaling.ts';
import { shrinkBench, shrinkSummary } from './shrink-quality.ts';
import { kernelSession, referenceSession } from './sessions.ts';
import { targets } from './targets.ts';
import { fullCheck, generatorOnly, rawCounter, rawNoop, systemOnly } from './throughput.ts';
import { coherentV1, mutants } from './time-to-counterexample.ts';
import { helpStart } from './start.ts';
import { compareWorkers } from './workers.ts';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const COMMANDS = env('BENCH_COMMANDS', 2000);
const SAMPLES = env('BENCH_SAMPLES', 5);
const SEEDS = Array.from({ length: env('BENCH_SEEDS', 10) }, (_, i) => i + 1);
// 49 mutants × 10 seeds is ~25 minutes here: fewer seeds for a quick look.
const MUTANT_SEEDS = Array.from({ length: env('BENCH_MUTANT_SEEDS', 10) }, (_, i) => i + 1);
const MUTANTS = process.env.BENCH_MUTANTS === 'none' ? [] : process.env.BENCH_MUTANTS?.split(',').map((s) => s.trim());
const WORKERS_RUNS = env('BENCH_WORKERS_RUNS', 200);
const EXPLORE = process.env.BENCH_EXPLORE !== '0';
const EXPLORE_SETTINGS = { states: env('BENCH_EXPLORE_STATES', 15_000), samples: env('BENCH_EXPLORE_SAMPLES', 2) };
const EXPLORE_WORKERS = env('BENCH_EXPLORE_WORKERS', 2);
const SHRINK = process.env.BENCH_SHRINK !== '0';
const THREADS = process.env.BENCH_THREADS !== '0';
const SHRINK_SETTINGS = { maxStates: env('BENCH_SHRINK_STATES', 2000), runs: env('BENCH_SHRINK_RUNS', 1000), mutants: process.env.BENCH_SHRINK_MUTANTS?.trim() || 'all' };
const SEED = 1;
const BASELINE = new URL('./baseline.json', import.meta.url);

const upstream = resolveBuiltin('upstream');
// fast-check's sequences at --max-commands 40 average about 20 commands: runs for about `commands` commands.
const runsFor = (commands: number) => ({ runs: Math.max(2, Math.round(commands / 20)), maxCommands: 40, seed: SEED });
const row = (m: Measured) => `  ${m.name.padEnd(44)}${m.perSecond.toLocaleString('en-US').padStart(12)} commands/s  (${m.medianMs.toFixed(1)} ms/sample ±${m.rme.toFixed(1)}%)`;

console.log(`zdspec bench: node ${process.version}, ${cpus().length} cores; ${COMMANDS} commands per full-check sample, ${SAMPLES} samples\n`);
console.log('throughput (upstream, max 40 commands)');
const show = (m: Measured): Measured => {
  console.log(row(m));
  return m;
};
const throughput = {
  rawCounter: show(measure('(a) fast-check loop, counter model', () => rawCounter(runsFor(COMMANDS * 100)), { samples: SAMPLES })),
  rawNoop: show(measure('(a) fast-check loop, no-op commands', () => rawNoop(runsFor(COMMANDS * 100)), { samples: SAMPLES })),
  generator: show(measure("(b) zdspec's command generator, nothing run", () => generatorOnly(upstream, runsFor(COMMANDS * 10)), { samples: SAMPLES })),
  reference: show(measure('(c) the reference alone', () => systemOnly(upstream, referenceSession, runsFor(COMMANDS * 2)), { samples: SAMPLES })),
  kernel: show(measure('(d) the kernel model alone', () => systemOnly(upstream, kernelSession, runsFor(COMMANDS * 4)), { samples: SAMPLES })),
  full: show(measure('(e) the full check', () => fullCheck(upstream, runsFor(COMMANDS)), { samples: SAMPLES })),
};

console.log('\nscaling (full check)');
const scaled = scaling(upstream, COMMANDS, SEED, SAMPLES);
for (const m of [...scaled.byMaxCommands, ...scaled.byFrames]) show(m);

console.log('\ntime to counterexample + shrink (median over seeds)');
const ttcRow = (s: ReturnType<typeof coherentV1>) =>
  console.log(
    `  ${s.name.padEnd(44)} found ${s.found}/${s.searches.length}, first ${Math.round(s.medianToFirstMs)} ms + shrink ${Math.round(s.medianShrinkMs)} ms = ${Math.round(s.medianTotalMs)} ms`,
  );
const coherent = coherentV1(SEEDS);
ttcRow(coherent);
const mutantSearches = MUTANTS?.length === 0 ? [] : mutants(MUTANT_SEEDS, MUTANTS, ttcRow);

const start = helpStart();
console.log(`\nzdspec --help from ${start.from}: ${Math.round(start.medianMs)} ms (median of ${start.samples.length})`);

let workers: BenchResult['workers'];
if (WORKERS_RUNS > 0) {
  console.log(`\ncheck --all --runs ${WORKERS_RUNS}, 1 then 2 workers`);
  const w = compareWorkers(WORKERS_RUNS, SEED);
  workers = { seconds: Object.fromEntries(w.runs.map((r) => [String(r.workers), r.seconds])), speedup: w.speedup, sameVerdicts: w.sameVerdicts, sameCounterexamples: w.sameCounterexamples };
  console.log(
    `  ${w.runs.map((r) => `${r.workers}: ${r.seconds.toFixed(1)} s`).join(', ')}; speed-up ${w.speedup.toFixed(2)}×; verdicts ${w.sameVerdicts ? 'identical' : 'DIFFER'}, counterexamples ${w.sameCounterexamples ? 'identical' : 'DIFFER'}`,
  );
}

let explored: BenchResult['explore'];
if (EXPLORE) {
  console.log('');
  explored = exploreBench(EXPLORE_SETTINGS);
}

let exploreWorkers: BenchResult['exploreWorkers'];
if (EXPLORE_WORKERS > 0) {
  console.log('');
  exploreWorkers = await exploreWorkersBench(EXPLORE_WORKERS);
}

let threaded: BenchResult['threads'];
if (THREADS) {
  console.log('');
  threaded = threadsBench(MUTANT_SEEDS);
}

let shrink: BenchResult['shrink'];
if (SHRINK) {
  console.log('');
  shrink = shrinkBench(SHRINK_SETTINGS);
}

const at = <T extends { perSecond: number }>(xs: readonly T[], pick: (x: T) => boolean): number => xs.find(pick)?.perSecond ?? Number.NaN;
// Least squares of µs per command against frames.
const perCommandUs = scaled.byFrames.map((m) => ({ x: m.frames, y: 1e6 / m.perSecond }));
const mean = (f: (p: { x: number; y: number }) => number) => perCommandUs.reduce((a, p) => a + f(p), 0) / perCommandUs.length;
const [mx, my] = [mean((p) => p.x), mean((p) => p.y)];
const slope = mean((p) => (p.x - mx) * (p.y - my)) / mean((p) => (p.x - mx) ** 2);

const partial = {
  zdspec: zdspecVersion(),
  node: process.version,
  generated: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
  settings: { commands: COMMANDS, samples: SAMPLES, seeds: SEEDS.length, mutantSeeds: MUTANT_SEEDS.length, mutants: MUTANTS?.join(',') ?? 'all', workersRuns: WORKERS_RUNS },
  throughput,
  ratios: {
    fullOverRawCounter: throughput.full.perSecond / throughput.rawCounter.perSecond,
    kernelOverReference: throughput.kernel.perSecond / throughput.reference.perSecond,
    frames768Over48: at(scaled.byFrames, (m) => m.frames === 768) / at(scaled.byFrames, (m) => m.frames === 48),
    commands640Over40: at(scaled.byMaxCommands, (m) => m.maxCommands === 640) / at(scaled.byMaxCommands, (m) => m.maxCommands === 40),
    microsPerFramePerCommand: slope,
  },
  scaling: scaled,
  timeToCounterexample: { coherentV1: coherent, mutants: mutantSearches },
  start,
  ...(workers ? { workers } : {}),
  ...(explored ? { explore: explored } : {}),
  ...(exploreWorkers ? { exploreWorkers } : {}),
  ...(shrink ? { shrink } : {}),
  ...(threaded ? { threads: threaded } : {}),
};
const baseline = existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as BenchResult) : undefined;
const result: BenchResult = { ...partial, targets: targets(partial), regressions: baseline ? regressions(metricsOf(partial), metricsOf(baseline)) : [] };

console.log('\nratios');
console.log(`  full / raw counter loop ${result.ratios.fullOverRawCounter.toFixed(4)}, kernel / reference ${result.ratios.kernelOverReference.toFixed(2)}`);
console.log(`  768 / 48 frames ${result.ratios.frames768Over48.toFixed(2)}, 640 / 40 commands ${result.ratios.commands640Over40.toFixed(2)}, ${slope.toFixed(2)} µs per frame per command`);
console.log(`\ntargets (issue 10${explored || exploreWorkers?.workers === 2 ? ', and 11' : ''})`);
for (const t of result.targets)
  console.log(`  ${t.met ? 'met ' : 'MISS'} ${t.statement}: ${Number(t.value.toPrecision(4))} (wanted ${t.kind === 'min' ? '≥' : '≤'} ${Number(t.target.toPrecision(4))})`);
if (shrink) console.log(`\n${shrinkSummary(shrink)}`);
console.log(baseline ? `\nagainst bench/baseline.json (${baseline.generated}): ${result.regressions.length === 0 ? 'no regression over 20%' : ''}` : '\nno bench/baseline.json to compare with');
// Medians over other seeds or sample sizes are not the same measurement: say so rather than hide it.
if (baseline && JSON.stringify(baseline.settings) !== JSON.stringify(result.settings)) console.log(`  (the baseline ran with other settings: ${JSON.stringify(baseline.settings)})`);
for (const g of result.regressions) console.log(`  REGRESSION ${g.metric}: ${Number(g.baseline.toPrecision(4))} → ${Number(g.now.toPrecision(4))} (${Math.round(100 * g.worse)}% worse)`);

writeAtomic('reports/bench.json', `${JSON.stringify(result, null, 2)}\n`);
writeAtomic('reports/bench.md', benchMarkdown(result));
console.log('\nwrote reports/bench.json, reports/bench.md');
if (process.env.BENCH_WRITE_BASELINE === '1') {
  writeAtomic(BASELINE.pathname, `${JSON.stringify(result, null, 2)}\n`);
  console.log('wrote bench/baseline.json');
}
if (process.env.BENCH_STRICT === '1' && result.regressions.length > 0) process.exitCode = 1;
