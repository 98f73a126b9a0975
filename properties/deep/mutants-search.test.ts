// Every catalogue mutant is found by the checker's own search within its
// budget and focus (seed 1, as `zdspec mutate` runs it first), judged by
// the invariants its built-in holds — and by refinement when no invariant
// catches it. The everyday suite replays each mutant's witness instead
// (properties/mutants/killed.test.ts); this is the search itself.
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { checkProposal } from '../../src/check/check-proposal.ts';
import type { SelectableCheck } from '../../src/check/checks.ts';
import { mutantChecks } from '../../src/mutate/mutant-checks.ts';

describe('the checker finds every mutant within its budget', () => {
  it.each(MUTANTS.map((m) => [m.id, m] as const))('%s', (_, m) => {
    const { invariants, refinement } = mutantChecks(m);
    const search = (checks: readonly SelectableCheck[]) =>
      checkProposal(resolveProposal(m.proposal), {
        seed: 1,
        runs: m.budget.runs,
        maxCommands: m.budget.maxCommands,
        invariants: [...checks],
        ...(m.focus === undefined ? {} : { focus: m.focus }),
      }).counterexample;
    const cx = search(invariants) ?? (refinement ? search(['refinement']) : undefined);
    expect(cx?.check, `${m.id} survived ${m.budget.runs} runs`).toBeDefined();
  });
});
