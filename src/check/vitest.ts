// Checking a proposal from a vitest suite in three lines:
//
//   import { checkProposalProp } from 'zdspec/src/check/vitest.ts';
//   import proposal from './my-series-v2.ts';
//   checkProposalProp(proposal, { invariants: ['no-longterm-pin-coherent'] });
//
// It registers one @fast-check/vitest property test over the same commands
// and per-run predicate as `zdspec check`: a failure shows fast-check's seed,
// path and the shrunk commands printed as kernel calls.
import { test } from '@fast-check/vitest';
import type { BuiltinProposal, Proposal, ResolvedProposal } from '../../models/proposals/proposal.ts';
import { resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { checkRun, CHECK_DEFAULTS, type CheckOptions } from './check-proposal.ts';

export type PropOptions = Pick<CheckOptions, 'invariants' | 'runs' | 'maxCommands' | 'seed' | 'sides' | 'hookTimeLimitMs'> & {
  /** Test timeout (ms); default 120 s. */
  readonly timeout?: number;
};

const isResolved = (p: Proposal | BuiltinProposal | ResolvedProposal): p is ResolvedProposal => 'chain' in p;

export function checkProposalProp(proposal: Proposal | BuiltinProposal | ResolvedProposal, options: PropOptions = {}): void {
  const resolved = isResolved(proposal) ? proposal : resolveProposal(proposal);
  const run = checkRun(resolved, options);
  const what = options.invariants?.join(', ') ?? 'every invariant and refinement';
  test.prop([run.commands], {
    numRuns: options.runs ?? CHECK_DEFAULTS.runs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  })(`${resolved.name}: ${what} hold`, (commands) => run.predicate(commands), options.timeout ?? 120_000);
}
