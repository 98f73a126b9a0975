import { describe, expect, it } from 'vitest';
import type { AbsPte } from '../../models/state.ts';
import { anonPage, anonVma, pte, stateWith } from './fixtures/state-with.ts';
import { viewOf, messagesOf } from './fixtures/view-with.ts';
import { privateNotCpuMapped } from '../../models/invariants/private-not-cpu-mapped.ts';

const mapped = (kind: AbsPte['kind']) =>
  viewOf(
    stateWith({
      pgmaps: { pgmap0: { type: 'PRIVATE' } },
      frames: { 258: anonPage() },
      procs: { p1: { vmas: [anonVma(0, 4)], ptes: { 3: pte(kind, 258) } } },
    }),
    'v6.1',
  );

describe('private-not-cpu-mapped', () => {
  it('holds for a device-private entry', () => {
    expect(messagesOf(privateNotCpuMapped, mapped('device-private'))).toEqual([]);
  });

  it('fails for a present PTE to a PRIVATE page', () => {
    expect(messagesOf(privateNotCpuMapped, mapped('present'))).toEqual(['pfn 258 (PRIVATE, pgmap0 index 2): mapped by the present PTE at p1 vpn 3']);
  });

  it('fails for a present-devmap PTE to a PRIVATE page', () => {
    expect(messagesOf(privateNotCpuMapped, mapped('present-devmap'))).toEqual(['pfn 258 (PRIVATE, pgmap0 index 2): mapped by the present-devmap PTE at p1 vpn 3']);
  });
});
