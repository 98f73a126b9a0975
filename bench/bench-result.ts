// What one `npm run bench` measured: the shape of reports/bench.json and of
// bench/baseline.json.
import type { Measured } from './measure.ts';
import type { Regression } from './baseline.ts';
import type { ExploreBench } from './explore.ts';
import type { ExploreWorkersBench } from './explore-workers.ts';
import type { Scaling } from './scaling.ts';
import type { ShrinkBench } from './shrink-quality.ts';
import type { StartTime } from './start.ts';
import type { Target } from './targets.ts';
import type { ThreadsBench } from './threads.ts';
import type { Searches } from './time-to-counterexample.ts';

export interface BenchResult {
  readonly zdspec: string;
  readonly node: string;
  readonly generated: string;
  readonly machine: { readonly cpus: number; readonly model: string };
  readonly settings: Readonly<Record<string, string | number>>;
  readonly throughput: {
    readonly rawCounter: Measured;
    readonly rawNoop: Measured;
    readonly generator: Measured;
    readonly reference: Measured;
    readonly kernel: Measured;
    readonly full: Measured;
  };
  readonly ratios: {
    readonly fullOverRawCounter: number;
    readonly kernelOverReference: number;
    readonly frames768Over48: number;
    readonly commands640Over40: number;
    /** µs added to a command by each extra system frame (least squares over the frame sweep). */
    readonly microsPerFramePerCommand: number;
  };
  readonly scaling: Scaling;
  readonly timeToCounterexample: { readonly coherentV1: Searches; readonly mutants: readonly Searches[] };
  readonly start: StartTime;
  readonly workers?: {
    readonly seconds: Readonly<Record<string, number>>;
    readonly speedup: number;
    readonly sameVerdicts: boolean;
    readonly sameCounterexamples: boolean;
  };
  /** zdspec explore (bench/explore.ts); absent when BENCH_EXPLORE=0, and from older baselines. */
  readonly explore?: ExploreBench;
  /** explore at 1 thread and at N workers (bench/explore-workers.ts); absent when BENCH_EXPLORE_WORKERS=0, and from older baselines. */
  readonly exploreWorkers?: ExploreWorkersBench;
  /** Shrink quality (bench/shrink-quality.ts); absent when BENCH_SHRINK=0, and from older baselines. */
  readonly shrink?: ShrinkBench;
  /** check and explore with threads, each thread mutant per schedule (bench/threads.ts); absent when BENCH_THREADS=0, and from older baselines. */
  readonly threads?: ThreadsBench;
  readonly targets: readonly Target[];
  readonly regressions: readonly Regression[];
}
