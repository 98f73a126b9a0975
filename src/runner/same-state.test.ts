// sameState answers exactly as deepEqual on abstract states: hand-made
// differences in the frame tables (a changed, added or missing frame, a
// frame under another pfn's key, a key holding undefined) and elsewhere,
// and every state pair of real check sequences.
import { sequentialSession } from '../check/sequential-session.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AbsFrame, AbsState } from '../../models/state.ts';
import { mutantById } from '../../models/mutants/catalogue.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { checkRun } from '../check/check-run.ts';
import type { CheckModel } from '../check/op-command.ts';
import type { Session } from '../check/session.ts';
import { createPair } from './create-pair.ts';
import { deepEqual } from './deep-equal.ts';
import { sameState } from './same-state.ts';

const base = createPair(resolveBuiltin('upstream')).kernelView().state;
const withFrames = (frames: Record<number, AbsFrame | undefined>): AbsState => ({ ...base, frames: frames as AbsState['frames'] });
const frame1 = base.frames[1]!;
function movedLast(): Record<number, AbsFrame> {
  const pfns = Object.keys(base.frames).map(Number);
  const last = Math.max(...pfns);
  const out: Record<number, AbsFrame> = { ...base.frames };
  delete out[last];
  out[last + 100] = base.frames[last]!;
  return out;
}

describe('sameState', () => {
  const cases: [string, AbsState][] = [
    ['the same state, copied', { ...base, frames: { ...base.frames } }],
    ['a changed frame', withFrames({ ...base.frames, 1: { ...frame1, data: 9 } })],
    ['an equal frame, copied', withFrames({ ...base.frames, 1: { ...frame1 } })],
    ['a frame added', withFrames({ ...base.frames, 200: { ...frame1, pfn: 200 } })],
    ['a frame missing', withFrames(Object.fromEntries(Object.entries(base.frames).filter(([pfn]) => pfn !== '1')) as Record<number, AbsFrame>)],
    ['a frame under another key', withFrames({ ...Object.fromEntries(Object.entries(base.frames).filter(([pfn]) => pfn !== '1')), 2: frame1, 1: base.frames[2] } as Record<number, AbsFrame>)],
    // The last frame moved to a later key: the same list in the same order, under other keys.
    ['the last frame under a later key', withFrames(movedLast())],
    ['a key holding undefined', withFrames({ ...base.frames, 300: undefined })],
    ['another memcg', { ...base, memcgs: [...base.memcgs, 'm9'] }],
    ['a key holding undefined outside the frames', { ...base, extra: undefined } as unknown as AbsState],
  ];
  it.each(cases)('answers as deepEqual: %s', (_name, other) => {
    expect(sameState(base, other)).toBe(deepEqual(base, other));
    expect(sameState(other, base)).toBe(deepEqual(other, base));
  });

  it('answers as deepEqual on every kernel/reference state pair of real check sequences', () => {
    // A mutant whose kernel model diverges from the reference: unequal pairs too.
    const proposal = resolveProposal(mutantById('hook-copy-present-ptes')!.proposal);
    let compared = 0;
    let differ = 0;
    for (const cmds of fc.sample(checkRun(proposal).commands, { numRuns: 20, seed: 3 })) {
      const pair = createPair(proposal);
      const session: Session = sequentialSession(
        () => pair.kernelView().state,
        (step) => {
          const rec = pair.step(step);
          for (const o of rec.allowed) {
            const a = pair.kernelView().state;
            expect(sameState(a, o.state)).toBe(deepEqual(a, o.state));
            compared++;
            if (!deepEqual(a, o.state)) differ++;
          }
          if (rec.kernel === undefined) throw new Error('crashed');
          return rec.kernel.result;
        },
      );
      fc.modelRun(() => ({ model: { state: session.state(), era: proposal.era } satisfies CheckModel, real: session }), cmds);
    }
    expect(compared).toBeGreaterThan(200);
    expect(differ).toBeGreaterThan(0);
  });
});
