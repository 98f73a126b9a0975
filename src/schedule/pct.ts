// PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi,
// Nagarakatte, ASPLOS 2010), for issue 12's random scheduler: each of n
// threads gets a distinct priority (d … d + n − 1, a random permutation),
// and d − 1 change points are chosen among the k steps. At every step the
// enabled thread with the highest priority runs; at the i-th change point
// the thread running drops to priority d − i, below every other. A bug that
// needs d particular orderings (its depth) is hit with probability at
// least 1 / (n · k^(d−1)) per run, whatever the program, where a uniform
// random choice at each step may need exponentially many runs.
//
// The plan is plain data so that fast-check draws and shrinks it
// (pctPlan), and the scheduler is a pure function of it.
import fc from 'fast-check';

export interface PctPlan {
  /** Each thread's initial priority: a permutation of d … d + n − 1 (higher runs first). */
  readonly priorities: readonly number[];
  /** Steps (0-based) at which the running thread's priority drops: the i-th listed (from 1) to d − i, below every initial one. */
  readonly changePoints: readonly number[];
}

/**
 * A scheduler for one run: given the step number (0, 1, …) and the threads
 * enabled there (never empty), the thread that runs.
 */
export function pctScheduler(plan: PctPlan): (step: number, enabled: readonly number[]) => number {
  const priority = [...plan.priorities];
  const depth = plan.changePoints.length + 1;
  const changes = new Map(plan.changePoints.map((at, i) => [at, depth - (i + 1)]));
  return (step, enabled) => {
    if (enabled.length === 0) throw new Error('pctScheduler: no thread is enabled');
    let best = enabled[0] as number;
    for (const t of enabled) if ((priority[t] ?? -Infinity) > (priority[best] ?? -Infinity)) best = t;
    const drop = changes.get(step);
    if (drop !== undefined) {
      // The change point falls on this step: the thread about to run drops, and the next highest runs instead.
      priority[best] = drop;
      for (const t of enabled) if ((priority[t] ?? -Infinity) > (priority[best] ?? -Infinity)) best = t;
    }
    return best;
  };
}

/** Plans for `threads` threads, bug depth `depth` (≥ 1) and runs of at most `steps` steps. */
export function pctPlan(threads: number, depth: number, steps: number): fc.Arbitrary<PctPlan> {
  const base = Array.from({ length: threads }, (_, i) => depth + i);
  return fc.record({
    priorities: fc.shuffledSubarray(base, { minLength: threads, maxLength: threads }),
    changePoints: fc.uniqueArray(fc.nat({ max: Math.max(0, steps - 1) }), { minLength: Math.min(depth - 1, steps), maxLength: Math.min(depth - 1, steps) }),
  });
}
