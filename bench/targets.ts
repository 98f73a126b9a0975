// Issue 10's targets (and issue 11's explore rate and speed-up at 2 workers), each checked against this run's own measurements
// (ratios within one process, so a slower machine moves both sides).
import type { BenchResult } from './bench-result.ts';
import { EXPLORE_STATES_TARGET } from './explore.ts';
import { EXPLORE_WORKERS_TARGET } from './explore-workers.ts';

export interface Target {
  readonly id: string;
  readonly statement: string;
  readonly value: number;
  readonly target: number;
  /** 'min': value ≥ target; 'max': value ≤ target. */
  readonly kind: 'min' | 'max';
  readonly met: boolean;
}

const t = (id: string, statement: string, value: number, kind: 'min' | 'max', target: number): Target => ({
  id,
  statement,
  value,
  target,
  kind,
  met: kind === 'min' ? value >= target : value <= target,
});

export function targets(r: Omit<BenchResult, 'targets' | 'regressions'>): Target[] {
  const out: Target[] = [
    t('full-check-rate', 'full check on upstream, commands/s on one core', r.throughput.full.perSecond, 'min', 100_000),
    t('full-over-raw', 'full check / fast-check raw counter loop', r.ratios.fullOverRawCounter, 'min', 1 / 20),
    t('generator-rate', "zdspec's command generation alone, commands/s", r.throughput.generator.perSecond, 'min', 500_000),
    t('kernel-over-reference', 'kernel model alone / reference alone', r.ratios.kernelOverReference, 'min', 10),
    t('flat-frames', 'throughput at 768 system frames / at 48', r.ratios.frames768Over48, 'min', 0.5),
    t('flat-length', 'throughput at 640-command sequences / at 40', r.ratios.commands640Over40, 'min', 0.7),
    t('coherent-v1-ms', 'coherent-v1: median ms to first counterexample + shrink', r.timeToCounterexample.coherentV1.medianTotalMs, 'max', 100),
  ];
  if (r.timeToCounterexample.mutants.length > 0) {
    const worst = Math.max(...r.timeToCounterexample.mutants.map((m) => m.medianTotalMs));
    out.push(t('mutant-ms', 'slowest mutant: median ms to counterexample + shrink', worst, 'max', 1000));
  }
  out.push(t('help-start-ms', `zdspec --help, ms (from ${r.start.from})`, r.start.medianMs, 'max', 400));
  if (r.workers !== undefined) out.push(t('workers-speedup', 'check --all: --workers 1 time / --workers 2 time', r.workers.speedup, 'min', 1.8));
  if (r.explore !== undefined) out.push(t('explore-states-rate', 'explore upstream (issue 11), distinct states/s on one core', r.explore.throughput.perSecond, 'min', EXPLORE_STATES_TARGET));
  const w = r.exploreWorkers;
  if (w !== undefined && w.workers === 2) {
    out.push(t('explore-workers-speedup', 'explore upstream depth 3 (issue 11): 1 thread time / 2 workers time, start included', w.speedup, 'min', EXPLORE_WORKERS_TARGET));
    if (w.speedupFromReady !== undefined)
      out.push(t('explore-workers-speedup-ready', "explore upstream depth 3 (issue 11): 1 thread time / 2 workers time from the first 'ready'", w.speedupFromReady, 'min', EXPLORE_WORKERS_TARGET));
  }
  return out;
}
