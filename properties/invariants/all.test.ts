import { describe, expect, it } from 'vitest';
import { ERA_NAMES } from '../../models/eras/era.ts';
import { INVARIANTS, invariantById } from '../../models/invariants/all.ts';
import { stateWith } from './fixtures/state-with.ts';
import { viewOf } from './fixtures/view-with.ts';
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';

describe('INVARIANTS', () => {
  it('has exactly one invariant per id of INVARIANT_IDS, in that order', () => {
    expect(INVARIANTS.map((i) => i.id)).toEqual([...INVARIANT_IDS]);
    for (const id of INVARIANT_IDS) expect(INVARIANTS.filter((i) => i.id === id)).toHaveLength(1);
  });

  it.each(INVARIANT_IDS)('%s has a one-line statement and "file: function" guards', (id) => {
    const inv = invariantById(id);
    expect(inv.id).toBe(id);
    expect(inv.statement.trim().length).toBeGreaterThan(20);
    expect(inv.statement).not.toContain('\n');
    expect(inv.guards.length).toBeGreaterThan(0);
    for (const g of inv.guards) expect(g).toMatch(/^[\w/.-]+\.[ch]: \w+$/);
  });

  it('invariantById returns undefined for an unknown id', () => {
    expect(invariantById('no-such-invariant')).toBeUndefined();
    expect(invariantById('toString')).toBeUndefined();
  });

  it.each(ERA_NAMES)('every invariant holds on the initial state of %s', (era) => {
    const view = viewOf(stateWith(), era);
    for (const inv of INVARIANTS) expect(inv.check(view), inv.id).toEqual([]);
  });
});
