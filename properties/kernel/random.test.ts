// Long random-ish sequences: the kernel model's incrementally kept counters
// (refcount, mapcount, pincount, LRU, pgmap refs, memcg usage) stay what the
// era's rules give, under every era's default hooks; misbehaving but
// well-typed hooks never crash it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERA_NAMES } from '../../models/eras/era.ts';
import { ERAS } from '../../models/eras/registry.ts';
import { createKernel } from '../../models/kernel/create-kernel.ts';
import type { View } from '../../models/view.ts';
import { invariantById } from '../../models/invariants/all.ts';
import type { InvariantId } from '../../models/invariants/invariant.ts';
import { arbReservedMemremap, arbStep, prologue } from './arb-steps.ts';
import { chaosHooks } from './chaos-hooks.ts';
import { kernelFor } from './run-steps.ts';

/** The state invariants that judge the counters the kernel model keeps. */
const COUNTER_INVARIANTS: readonly InvariantId[] = [
  'refcount-expected',
  'pgmap-ref-balanced',
  'memcg-charge-conserved',
  'device-not-on-lru',
  'free-once',
  'no-use-after-free',
  'data-preserved',
  'private-not-cpu-mapped',
];

/** No undefined-valued keys anywhere (the canonical AbsState shape). */
function hasUndefined(x: unknown): boolean {
  if (x === undefined) return true;
  if (x === null || typeof x !== 'object') return false;
  return Object.values(x).some(hasUndefined);
}

describe('kernel model: incremental counters under random sequences', () => {
  it.each(ERA_NAMES)('%s: counters match the era rules after every step', (era) => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: arbStep, weight: 20 }, { arbitrary: arbReservedMemremap, weight: 1 }), { minLength: 10, maxLength: 60 }), (steps) => {
        const k = kernelFor(era);
        let before: View = k.view();
        for (const step of [...prologue(ERAS[era]), ...steps]) {
          const { result, events } = k.apply(step);
          const after = k.view();
          for (const id of COUNTER_INVARIANTS) {
            const msgs = invariantById(id).check(after, before, { op: step.op, args: step.args, result, events });
            expect(msgs, `${id} after ${step.op} ${JSON.stringify(step.args)}`).toEqual([]);
          }
          expect(hasUndefined(after.state)).toBe(false);
          const p0 = after.state.procs.p0;
          if (p0) expect(p0.vmas.map((v) => v.start)).toEqual([...p0.vmas.map((v) => v.start)].sort((a, b) => a - b));
          before = after;
        }
      }),
      { numRuns: 40, seed: 20251122 },
    );
  });

  it.each(ERA_NAMES)('%s: arbitrary well-typed hook decisions never crash the model', (era) => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: arbStep, weight: 20 }, { arbitrary: arbReservedMemremap, weight: 1 }), { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 1, max: 1 << 30 }),
        (steps, seed) => {
          const k = createKernel(ERAS[era], chaosHooks(seed));
          for (const step of [...prologue(ERAS[era]), ...steps]) {
            k.apply(step);
            k.abstract();
          }
          k.view();
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
