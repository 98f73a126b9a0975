// shorten (shorten.ts): drops single steps and pairs of steps while the same
// check still fails, and leaves crashes and hangs as they were.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../models/ops.ts';
import { CheckFailure, type CheckId } from './failure.ts';
import { shorten } from './shorten.ts';

const read = (vpn: number): Step => ({ op: 'cpu_read', args: { proc: 'p0', vpn } });
const failure = (steps: readonly Step[], check: CheckId = 'free-once') =>
  new CheckFailure(
    { kind: 'invariant', check, stepIndex: steps.length - 1, message: 'm' },
    steps.map((step) => ({ step, result: { value: 0 } })),
  );

/** A fake re-run: the check fails when the steps hold every vpn of `needed` (in order), at the last of them. */
const rerunNeeding =
  (needed: readonly number[], check: CheckId = 'free-once') =>
  (steps: readonly Step[]) => {
    const vpns = steps.map((s) => (s.args as { vpn: number }).vpn);
    const at = needed.map((v) => vpns.indexOf(v));
    return at.every((i) => i >= 0) ? failure(steps.slice(0, Math.max(...at) + 1), check) : undefined;
  };

describe('shorten', () => {
  it('drops steps one and two at a time down to the ones the failure needs', () => {
    const out = shorten(failure([read(1), read(2), read(3), read(4), read(5)]), rerunNeeding([1, 5]));
    expect(out.steps.map((s) => (s.step.args as { vpn: number }).vpn)).toEqual([1, 5]);
  });

  it('keeps a shorter trace only when the same check fails', () => {
    const out = shorten(failure([read(1), read(2), read(3)]), rerunNeeding([1], 'memcg-target'));
    expect(out.steps).toHaveLength(3);
  });

  it('never re-runs a crash or a hang', () => {
    let reruns = 0;
    const crash = new CheckFailure({ kind: 'proposal-crashed', check: 'proposal-crashed', stepIndex: 1, message: 'threw' }, [{ step: read(1) }, { step: read(2) }]);
    const out = shorten(crash, () => {
      reruns++;
      return undefined;
    });
    expect(out).toBe(crash);
    expect(reruns).toBe(0);
  });
});
