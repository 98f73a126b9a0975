// The reference side's invariants are judged once where the two views agree
// (src/runner/views-agree.ts): a pure optimisation, so the findings must be
// exactly those of judging every step on both sides (fullInvariants,
// `--full-invariants`), for every built-in and every mutant.
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { bothModes } from './full-invariants.fixtures.ts';

describe('reference-side invariants judged once where the views agree', () => {
  it.each(BUILTIN_NAMES.map((n) => [n]))('%s: the same findings as --full-invariants at every step', (name) => {
    const { fast, full } = bothModes(resolveBuiltin(name), 8, 5);
    expect(fast.length).toBeGreaterThan(100);
    expect(fast).toEqual(full);
  });

  it('every mutant: the same findings as --full-invariants at every step', () => {
    let steps = 0;
    let found = 0;
    for (const m of MUTANTS) {
      const { fast, full } = bothModes(resolveProposal(m.proposal), 1, 7, m.budget.maxCommands);
      expect(fast, m.id).toEqual(full);
      steps += fast.length;
      found += fast.filter((j) => j.invariants.length > 0).length;
    }
    // The comparison saw real findings, not only clean steps.
    expect(found).toBeGreaterThan(0);
    expect(steps).toBeGreaterThan(500);
  });
});
