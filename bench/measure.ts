// One measurement with tinybench: a task that does a fixed amount of work
// per call (the same seed every time, so the same commands) sampled after a
// warm-up; commands/s is that work over the median latency, which a GC
// pause or a busy neighbour moves less than the mean.
import { Bench } from 'tinybench';

export interface Measured {
  readonly name: string;
  /** Median ms per call. */
  readonly medianMs: number;
  /** Relative margin of error of the mean latency, in %. */
  readonly rme: number;
  readonly samples: number;
  /** Work units per call (commands), and per second at the median. */
  readonly units: number;
  readonly perSecond: number;
}

export interface MeasureOptions {
  /** Calls measured (default 5) after `warmup` calls (default 1). */
  readonly samples?: number;
  readonly warmup?: number;
}

/** Samples `fn` (which returns the work units it did) and reports units per second at the median latency. */
export function measure(name: string, fn: () => number, o: MeasureOptions = {}): Measured {
  let units = 0;
  const bench = new Bench({ name, iterations: o.samples ?? 5, time: 0, warmupIterations: o.warmup ?? 1, warmupTime: 0, throws: true });
  bench.add(name, () => {
    units = fn();
  });
  bench.runSync();
  const result = bench.tasks[0]?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`bench ${name}: no result (${result?.state ?? 'no task'})`);
  const medianMs = result.latency.p50;
  return { name, medianMs, rme: result.latency.rme, samples: result.latency.samplesCount, units, perSecond: Math.round((units * 1000) / medianMs) };
}

/** The median of a list of numbers (0 for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
