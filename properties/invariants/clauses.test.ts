// Every clause of every invariant has a case that makes exactly that clause
// fail (and nothing else of the invariant): the judge's rules are each
// alive, and each says what it claims. The meta-test at the end fails when
// an invariant gains a clause without a case here.
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../models/invariants/all.ts';
import { CLAUSE_CASES as CASES } from './fixtures/clause-cases.ts';
import { clausesOf } from './fixtures/view-with.ts';

describe('every clause of every invariant, alone', () => {
  it.each(CASES.map((c) => [`${c.invariant} ${c.clause}`, c] as const))('%s: fails on its case, and nothing else of the invariant does', (_, c) => {
    const inv = INVARIANTS.find((i) => i.id === c.invariant)!;
    expect(clausesOf(inv, c.after, c.before, c.step)).toEqual([c.clause]);
  });

  it.each(INVARIANTS.map((i) => [i.id, i] as const))('%s: every clause has a case, and every case names a clause', (id, inv) => {
    const covered = new Set(CASES.filter((c) => c.invariant === id).map((c) => c.clause));
    expect([...covered].sort()).toEqual(inv.clauses.map((c) => c.id).sort());
  });
});
