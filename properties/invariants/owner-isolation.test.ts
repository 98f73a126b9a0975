import { describe, expect, it } from 'vitest';
import type { ZdEvent } from '../../models/events.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { stepOf, viewOf, messagesOf } from './fixtures/view-with.ts';
import { ownerIsolation } from '../../models/invariants/owner-isolation.ts';

// devA's PRIVATE page 256 and COHERENT page 512, devB's PRIVATE pgmap2.
const before = viewOf(
  stateWith({
    pgmaps: { pgmap0: { type: 'PRIVATE', owner: 'devA' }, pgmap1: { type: 'COHERENT', owner: 'devA' }, pgmap2: { type: 'PRIVATE', owner: 'devB' } },
    frames: { 256: anonPage(), 512: anonPage() },
    procs: { p0: { vmas: [anonVma(0, 2)], ptes: { 0: pte('device-private', 256), 1: pte('present', 512) } } },
  }),
  'v6.1',
);

const read = (owner: string, events: ZdEvent[]) =>
  messagesOf(ownerIsolation, before, before, stepOf('device_read', { proc: 'p0', vpn: 0, npages: 2, owner }, { cpages: 2, faults: 1, data: [0, 0] }, events));

describe('owner-isolation', () => {
  it('holds when a device reads its own private page, or another owner reads a coherent one', () => {
    expect(read('devA', [{ ev: 'device-access', pfn: 256, owner: 'devA' }])).toEqual([]);
    expect(read('devB', [{ ev: 'device-access', pfn: 512, owner: 'devB' }])).toEqual([]);
  });

  it("fails when a device reads another owner's private page in place", () => {
    expect(read('devB', [{ ev: 'device-access', pfn: 256, owner: 'devB' }])).toEqual(['pfn 256 (PRIVATE, pgmap0 index 0): owned by "devA", accessed in place by device_read on behalf of "devB"']);
  });

  it("fails when migrate_to_device collects another owner's private page", () => {
    const step = (pgmap: 'pgmap0' | 'pgmap2') => stepOf('migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap }, { errno: 'ENOENT' }, [{ ev: 'migrate', from: 256, to: 768 }]);
    expect(messagesOf(ownerIsolation, before, before, step('pgmap2'))).toEqual(['pfn 256 (PRIVATE, pgmap0 index 0): owned by "devA", migrated by migrate_to_device on behalf of "devB"']);
    expect(messagesOf(ownerIsolation, before, before, step('pgmap0'))).toEqual([]);
  });
});
