// The mutation catalogue covers what it must: one mutant per hook, every
// BUGS.md entry either restated or said to be inexpressible, and every
// mutant well formed (it extends a built-in, changes hooks that exist).
import { describe, expect, it } from 'vitest';
import { HOOK_NAMES } from '../../models/kernel/hooks.ts';
import { BUGS_NOT_EXPRESSIBLE } from '../../models/mutants/bugs-not-expressible.ts';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { mutantHooks } from '../../models/mutants/mutant.ts';
import { builtinProposal } from '../../models/proposals/registry.ts';
import { resolveProposal } from '../../models/proposals/resolve-proposal.ts';

/** The entries of ../shared/design/BUGS.md (kept here: CI has no ../shared). */
const BUGS = ['BUG-01', 'BUG-02', 'BUG-03', 'BUG-04', 'BUG-09', 'BUG-15', 'BUG-18', 'BUG-22', 'BUG-23', 'BUG-25', 'BUG-28'];

describe('the mutation catalogue', () => {
  it('has unique ids, each mutant a resolvable proposal extending a built-in', () => {
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
    for (const m of MUTANTS) {
      expect(builtinProposal(m.proposal.extends), m.id).toBeDefined();
      expect(mutantHooks(m).length, `${m.id} changes no hook`).toBeGreaterThan(0);
      expect(resolveProposal(m.proposal).overridden).toEqual(expect.arrayContaining(mutantHooks(m)));
    }
  });

  it.each([...HOOK_NAMES])('has a hook mutant for %s', (hook) => {
    expect(MUTANTS.filter((m) => m.kind === 'hook' && mutantHooks(m).includes(hook)).map((m) => m.id)).not.toEqual([]);
  });

  it.each(BUGS)('restates %s, or says why it cannot', (bug) => {
    const restated = MUTANTS.some((m) => m.bug === bug);
    expect(restated || BUGS_NOT_EXPRESSIBLE[bug] !== undefined, `${bug}: no mutant and no reason`).toBe(true);
    expect(restated && BUGS_NOT_EXPRESSIBLE[bug] !== undefined, `${bug}: both a mutant and a reason`).toBe(false);
  });
});
