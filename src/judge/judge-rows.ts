// The judge over a run's own rows (check --judge, merge-reports of runs made
// with --judge), rather than over a summary.json read back: each row's
// verdict on every check and proposal fault, as the summary would say it.
import { BUILTIN_PROPOSALS } from '../../models/proposals/registry.ts';
import { ALL_CHECKS } from '../check/checks.ts';
import { STOPPING_CHECKS } from '../check/failure.ts';
import { type ProposalSummary, verdictOf } from '../report/summary.ts';
import { type Judgement, judgeSummary } from './judge-summary.ts';

export const judgeRows = (rows: readonly ProposalSummary[]): Judgement =>
  judgeSummary(
    rows.map((r) => ({ proposal: r.proposal, status: r.status, verdicts: Object.fromEntries([...ALL_CHECKS, ...STOPPING_CHECKS].map((k) => [k, verdictOf(r, k)])) })),
    BUILTIN_PROPOSALS,
  );

/** The judgement fails the run: a verdict differs from its header. */
export const judgementFails = (j: Judgement): boolean => j.mismatches.length > 0 || j.judged.length === 0;
