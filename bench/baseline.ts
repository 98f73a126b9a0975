// The committed baseline (bench/baseline.json, written by
// `BENCH_WRITE_BASELINE=1 npm run bench`): every metric of this run that is
// more than 20% worse than the baseline's is a regression. Rates are
// compared higher-is-better, times lower-is-better (and only when also
// TIME_SLACK_MS slower); a metric the baseline lacks is new, not a
// regression. Compare on the machine the baseline was written on.
import type { BenchResult } from './bench-result.ts';

export const REGRESSION = 0.2;
export const TIME_SLACK_MS = 20;

export interface Regression {
  readonly metric: string;
  readonly baseline: number;
  readonly now: number;
  /** How much worse, as a fraction (0.35: 35% worse). */
  readonly worse: number;
}

type Metrics = Record<string, { readonly value: number; readonly better: 'higher' | 'lower' }>;

export function metricsOf(r: Pick<BenchResult, 'throughput' | 'scaling' | 'timeToCounterexample' | 'workers' | 'start' | 'explore' | 'exploreWorkers'>): Metrics {
  const m: Metrics = {};
  for (const [k, v] of Object.entries(r.throughput)) m[`throughput.${k}`] = { value: v.perSecond, better: 'higher' };
  for (const s of r.scaling.byMaxCommands) m[`scaling.maxCommands.${s.maxCommands}`] = { value: s.perSecond, better: 'higher' };
  for (const s of r.scaling.byFrames) m[`scaling.frames.${s.frames}`] = { value: s.perSecond, better: 'higher' };
  m['ttc.coherent-v1'] = { value: r.timeToCounterexample.coherentV1.medianTotalMs, better: 'lower' };
  for (const s of r.timeToCounterexample.mutants) m[`ttc.${s.name}`] = { value: s.medianTotalMs, better: 'lower' };
  // An older baseline may lack it.
  if (r.start) m['start.help'] = { value: r.start.medianMs, better: 'lower' };
  if (r.workers) m['workers.speedup'] = { value: r.workers.speedup, better: 'higher' };
  if (r.explore) {
    m['explore.statesPerSecond'] = { value: r.explore.throughput.perSecond, better: 'higher' };
    m['explore.transitionsPerSecond'] = { value: r.explore.throughput.transitionsPerSecond, better: 'higher' };
    m['explore.coherent-v1'] = { value: r.explore.coherentV1.ms, better: 'lower' };
  }
  // Only against a baseline at as many workers (the key names them).
  if (r.exploreWorkers) {
    m[`exploreWorkers.${r.exploreWorkers.workers}.speedup`] = { value: r.exploreWorkers.speedup, better: 'higher' };
    m['exploreWorkers.singleMs'] = { value: r.exploreWorkers.single.wallMs, better: 'lower' };
  }
  return m;
}

export function regressions(now: Metrics, baseline: Metrics): Regression[] {
  const out: Regression[] = [];
  for (const [metric, { value, better }] of Object.entries(now)) {
    const base = baseline[metric]?.value;
    if (base === undefined || base <= 0 || value <= 0) continue;
    const worse = better === 'higher' ? base / value - 1 : value / base - 1;
    // A time a few ms long moves by more than 20% with one GC: it must also be TIME_SLACK_MS slower.
    if (worse > REGRESSION && (better === 'higher' || value - base > TIME_SLACK_MS)) out.push({ metric, baseline: base, now: value, worse });
  }
  return out;
}
