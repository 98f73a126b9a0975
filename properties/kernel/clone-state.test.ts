// KernelInstance.save/restore (models/kernel/clone-state.ts), which zdspec
// explore relies on to expand each state once: a restored copy behaves
// exactly as the original — the same results, events, abstract state and
// state words after any further steps — and running on from it leaves the
// saved snapshot untouched (nothing shared that an operation mutates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERA_NAMES } from '../../models/eras/era.ts';
import { ERAS } from '../../models/eras/registry.ts';
import type { KernelInstance } from '../../models/model.ts';
import type { Step } from '../../models/ops.ts';
import { arbStep, prologue } from './arb-steps.ts';
import { kernelFor } from './run-steps.ts';

function runAll(k: KernelInstance, steps: readonly Step[]): unknown[] {
  return steps.map((s) => k.apply(s));
}

describe('KernelInstance save/restore', () => {
  for (const era of ERA_NAMES) {
    it(`${era}: a restored copy runs on exactly as the original, and the snapshot stays as it was`, () => {
      fc.assert(
        fc.property(fc.array(arbStep, { maxLength: 25 }), fc.array(arbStep, { maxLength: 25 }), (before, after) => {
          const original = kernelFor(era);
          runAll(original, [...prologue(ERAS[era]), ...before]);
          const saved = original.save();
          const words = original.stateWords();
          const abstract = original.abstract();
          const copy = kernelFor(era);
          copy.restore(saved);
          expect(copy.stateWords()).toEqual(words);
          expect(runAll(copy, after)).toEqual(runAll(original, after));
          expect(copy.abstract()).toEqual(original.abstract());
          expect(copy.stateWords()).toEqual(original.stateWords());
          // The snapshot survived both runs: restoring it again gives the state it was taken in.
          copy.restore(saved);
          expect(copy.stateWords()).toEqual(words);
          expect(copy.abstract()).toEqual(abstract);
          // It is plain data: structured cloning (another worker thread) carries it whole.
          const carried = kernelFor(era);
          carried.restore(structuredClone(saved));
          expect(carried.stateWords()).toEqual(words);
          expect(runAll(carried, after)).toEqual(runAll(copy, after));
        }),
        { numRuns: 40 },
      );
    });
  }

  it('state words: the same steps give the same words, one more GUP reference gives others', () => {
    const a = kernelFor('upstream');
    const b = kernelFor('upstream');
    const setup: Step[] = [
      { op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } },
      { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 7 } },
    ];
    runAll(a, setup);
    runAll(b, setup);
    expect(a.stateWords()).toEqual(b.stateWords());
    runAll(b, [{ op: 'get_user_pages', args: { proc: 'p0', vpn: 0, write: false, fast: false } }]);
    expect(a.stateWords()).not.toEqual(b.stateWords());
  });
});
