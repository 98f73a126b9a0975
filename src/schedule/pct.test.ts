// pctScheduler and pctPlan: the scheduler always runs an enabled thread, the
// highest-priority one; a change point preempts the thread about to run;
// and over every plan, a depth-2 bug is hit at least as often as PCT's bound
// 1 / (n · k^(d−1)) promises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PctPlan, pctPlan, pctScheduler } from './pct.ts';

/** Runs threads of the given step counts to completion under the plan: the order of (thread, its step). */
function interleave(plan: PctPlan, lengths: readonly number[]): [number, number][] {
  const next = lengths.map(() => 0);
  const choose = pctScheduler(plan);
  const out: [number, number][] = [];
  for (let step = 0; ; step++) {
    const enabled = lengths.flatMap((n, t) => ((next[t] ?? 0) < n ? [t] : []));
    if (enabled.length === 0) return out;
    const t = choose(step, enabled);
    out.push([t, next[t] ?? 0]);
    next[t] = (next[t] ?? 0) + 1;
  }
}

describe('pctScheduler', () => {
  it('always runs an enabled thread, and with no change point the highest-priority one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(pctPlan(n, 1, 20), fc.array(fc.subarray([...Array(n).keys()], { minLength: 1 }), { minLength: 1, maxLength: 20 }))),
        ([plan, enabledSets]) => {
          const choose = pctScheduler(plan);
          enabledSets.forEach((enabled, step) => {
            const t = choose(step, enabled);
            expect(enabled).toContain(t);
            expect(plan.priorities[t]).toBe(Math.max(...enabled.map((e) => plan.priorities[e] ?? 0)));
          });
        },
      ),
    );
  });

  it('a change point preempts the thread about to run, for good', () => {
    // Thread 1 has the higher priority; at step 1 it drops below thread 0.
    const order = interleave({ priorities: [2, 3], changePoints: [1] }, [2, 2]);
    expect(order).toEqual([
      [1, 0],
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
  });

  it('hits a depth-2 bug at least as often as 1 / (n · k^(d−1)) over every plan', () => {
    // Two threads of two steps (k = 4): the bug needs thread 1's first step
    // between thread 0's two steps (two orderings: depth 2).
    const lengths = [2, 2];
    const k = 4;
    let plans = 0;
    let hits = 0;
    for (const priorities of [
      [2, 3],
      [3, 2],
    ])
      for (let at = 0; at < k; at++) {
        plans++;
        const order = interleave({ priorities, changePoints: [at] }, lengths).map(([t, s]) => `${t}.${s}`);
        if (order.indexOf('0.0') < order.indexOf('1.0') && order.indexOf('1.0') < order.indexOf('0.1')) hits++;
      }
    expect(hits / plans).toBeGreaterThanOrEqual(1 / (lengths.length * k));
    expect(hits).toBeGreaterThan(0);
  });

  it('pctPlan draws permutations of d … d + n − 1 and d − 1 distinct change points within the run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 4, max: 30 }), (n, d, steps) => {
        const [plan] = fc.sample(pctPlan(n, d, steps), 1);
        expect([...plan!.priorities].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => d + i));
        expect(plan!.changePoints).toHaveLength(d - 1);
        expect(new Set(plan!.changePoints).size).toBe(d - 1);
        for (const at of plan!.changePoints) expect(at).toBeLessThan(steps);
      }),
    );
  });
});
