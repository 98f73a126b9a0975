// One exact re-run (--seed S --path P) reported like a search.
import type { CheckResult } from '../check-proposal.ts';
import type { JobOutcome } from './messages.ts';

export function searchOfExactRun(r: CheckResult): JobOutcome {
  return {
    proposal: r.proposal,
    era: r.era,
    checks: r.checks,
    found: r.counterexample ? [r.counterexample] : [],
    holds: r.counterexample ? [] : r.checks,
    runs: r.runs,
    commands: r.commands,
    elapsedMs: r.elapsedMs,
    stats: r.stats,
    interrupted: r.interrupted,
  };
}
