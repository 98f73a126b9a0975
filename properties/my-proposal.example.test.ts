// How to check your own proposal from a vitest suite: the three lines below.
// Swap the import for your proposal file and the invariants you care about.
import { checkProposalProp } from '../src/check/vitest.ts';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
checkProposalProp(resolveBuiltin('v6.1'), { invariants: ['no-longterm-pin-coherent', 'coherent-evictable'], runs: 200 });
