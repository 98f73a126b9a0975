// freshPairs: a check's runs get the first run's pair restored to its start,
// which must be indistinguishable from a new pair; a crashed pair, another
// proposal or another options object gets a new one.
import { describe, expect, it } from 'vitest';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import type { Step } from '../../models/ops.ts';
import { createPair } from '../runner/create-pair.ts';
import type { PairOptions } from '../runner/pair-types.ts';
import { freshPairs, type MakePair } from './fresh-pairs.ts';

const steps: Step[] = [
  { op: 'memremap_pages', args: { type: 'COHERENT', owner: 'dmirror0', npages: 2 } },
  { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' } },
  { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' } },
  { op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: false, longterm: true, fast: false } },
];

function counting(): { make: MakePair; made: () => number } {
  let n = 0;
  return {
    make: (p, o) => {
      n++;
      return createPair(p, o);
    },
    made: () => n,
  };
}

describe('freshPairs', () => {
  const upstream = resolveBuiltin('upstream');
  const options: PairOptions = { sides: 'both' };

  it('gives each run the pair at its start: the same views and the same steps as a new pair', () => {
    const { make, made } = counting();
    const runPair = freshPairs(make);
    const first = runPair(upstream, options);
    const firstSteps = steps.map((s) => first.step(s));
    const again = runPair(upstream, options);
    expect(again).toBe(first);
    expect(made()).toBe(1);
    const fresh = createPair(upstream, options);
    expect(again.kernelView()).toEqual(fresh.kernelView());
    expect(again.referenceView()).toEqual(fresh.referenceView());
    expect(steps.map((s) => again.step(s))).toEqual(firstSteps);
    expect(steps.map((s) => fresh.step(s))).toEqual(firstSteps);
  });

  it('makes a new pair after a crash, for another proposal and for other options', () => {
    const { make, made } = counting();
    const runPair = freshPairs(make);
    const crashing = resolveProposal({
      name: 'crashes',
      title: 'a hook that throws',
      source: 'src/check/fresh-pairs.test.ts',
      extends: 'upstream',
      hooks: {
        folio_is_longterm_pinnable: () => {
          throw new Error('boom');
        },
      },
    });
    const pair = runPair(crashing, options);
    for (const s of steps) pair.step(s);
    expect(pair.crashed).toBe(true);
    expect(runPair(crashing, options)).not.toBe(pair);
    expect(made()).toBe(2);
    runPair(upstream, options);
    expect(made()).toBe(3);
    runPair(upstream, { ...options });
    expect(made()).toBe(4);
  });
});
