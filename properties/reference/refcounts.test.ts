// Reference: counters derived per era through deriveView (DESIGN §3).
import { describe, expect, it } from 'vitest';
import type { EraName } from '../../models/eras/era.ts';
import { pgmapStart } from './imports.ts';
import { Sim, anonPage, device } from './sim.ts';

/** A PRIVATE page mapped once in p0. */
function mappedPrivate(era: EraName): Sim {
  const sim = new Sim(era);
  const { vpn } = anonPage(sim, 1);
  const pg = device(sim, 'PRIVATE');
  sim.do('migrate_to_device', { proc: 'p0', vpn, npages: 1, pgmap: pg });
  return sim;
}

describe('era refcounts', () => {
  it('a PRIVATE page mapped once is 2 under v4.14 and 1 under v6.1', () => {
    expect(mappedPrivate('v4.14').refcount(pgmapStart(0))).toBe(2);
    expect(mappedPrivate('v6.1').refcount(pgmapStart(0))).toBe(1);
    expect(mappedPrivate('v6.1').view().counters[pgmapStart(0)]!.mapcount).toBe(1);
  });
  it('an idle PRIVATE page is 1 under v6.0 and 0 under v6.1', () => {
    for (const [era, idle] of [
      ['v6.0', 1],
      ['v6.1', 0],
    ] as const) {
      const sim = mappedPrivate(era);
      expect(sim.refcount(pgmapStart(0) + 1)).toBe(idle);
      sim.do('munmap', { proc: 'p0', vpn: 0, npages: 1 });
      expect(sim.frame(pgmapStart(0))).toMatchObject({ inUse: false, frees: 1 });
      expect(sim.refcount(pgmapStart(0))).toBe(idle);
    }
  });
  it('pgmap references: per pfn before v6.1, per allocated page from v6.1', () => {
    expect(mappedPrivate('v6.0').view().pgmapRefs.pgmap0).toBe(1 + 4);
    expect(mappedPrivate('v6.1').view().pgmapRefs.pgmap0).toBe(1 + 1);
  });
});
