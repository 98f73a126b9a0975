// What a mutant is judged by: the invariants the header of the built-in it
// extends says hold (a check the base already violates would catch the base,
// not the mutation), and refinement where the base refines the
// specification. Read from the built-in's header, as a judge does: the
// checker itself stays blind to headers.
import { INVARIANT_IDS, type InvariantId } from '../../models/invariants/invariant.ts';
import type { Mutant } from '../../models/mutants/mutant.ts';
import { builtinProposal } from '../../models/proposals/registry.ts';

export interface MutantChecks {
  readonly invariants: readonly InvariantId[];
  readonly refinement: boolean;
}

export function mutantChecks(m: Mutant): MutantChecks {
  const base = builtinProposal(m.proposal.extends);
  if (base === undefined) throw new Error(`mutant ${m.id} extends '${m.proposal.extends}', which is not a built-in`);
  return {
    invariants: INVARIANT_IDS.filter((id) => base.expected[id] === 'holds'),
    refinement: (base.refinement?.verdict ?? 'holds') === 'holds',
  };
}
