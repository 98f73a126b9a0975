// compareRecorded: which differences from a recorded result make the rest of
// a replayed trace meaningless (divergence) and which are only noted.
import { describe, expect, it } from 'vitest';
import type { OpResult } from '../../models/ops.ts';
import type { TraceStep } from '../trace/trace.ts';
import { compareRecorded } from './compare-recorded.ts';

const pin = (recorded: OpResult): TraceStep => ({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false }, recorded });
const migrate = (recorded: OpResult): TraceStep => ({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }, recorded });
// Step index 1, the recorded failing step 3: step 1 comes before it.
const beforeFailing = (step: TraceStep, now: OpResult) => compareRecorded(step, 1, now, 3);

describe('compareRecorded', () => {
  it('finds nothing when the result is the same, or nothing was recorded', () => {
    expect(beforeFailing(pin({ pin: 'pin0' }), { pin: 'pin0' })).toBeUndefined();
    expect(compareRecorded({ op: 'fork', args: { proc: 'p0' } }, 1, { child: 'p1' }, 3)).toBeUndefined();
    expect(beforeFailing(pin({ pin: 'pin0' }), undefined as unknown as OpResult)).toBeUndefined();
  });

  it('diverges before the failing step on success ↔ failure, or a different handle', () => {
    expect(beforeFailing(pin({ pin: 'pin0' }), { errno: 'EFAULT' })).toMatchObject({ diverges: true, recorded: 'pin0', now: '-EFAULT', why: 'it failed where it had succeeded' });
    expect(beforeFailing(pin({ errno: 'EFAULT' }), { pin: 'pin0' })).toMatchObject({ diverges: true, why: 'it succeeded where it had failed' });
    expect(beforeFailing(pin({ pin: 'pin1' }), { pin: 'pin0' })).toMatchObject({ diverges: true, why: 'it created pin0 where it had created pin1' });
    const fork: TraceStep = { op: 'fork', args: { proc: 'p0' }, recorded: { child: 'p2' } };
    expect(beforeFailing(fork, { child: 'p1' })?.diverges).toBe(true);
  });

  it('only notes another errno or different counts and data', () => {
    expect(beforeFailing(pin({ errno: 'EFAULT' }), { errno: 'EBUSY' })).toMatchObject({ diverges: false, recorded: '-EFAULT', now: '-EBUSY' });
    expect(beforeFailing(migrate({ cpages: 1, data: [7] }), { cpages: 0, data: [0] })).toMatchObject({ diverges: false, recorded: 'cpages 1', now: 'cpages 0' });
  });

  it('never diverges at (or after) the recorded failing step: a different result there is a fix', () => {
    expect(compareRecorded(pin({ pin: 'pin0' }), 3, { errno: 'EFAULT' }, 3)).toMatchObject({ diverges: false, now: '-EFAULT' });
  });
});
