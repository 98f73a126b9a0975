// The judge (the judgelitmus.sh of this project): compares what a check run
// found — its summary.json — with each built-in proposal's litmus header
// (its expected verdict per invariant, and refinement). The checker never
// reads the headers; only this does. A verdict the run could not settle (an
// unfinished search, a crash) is a mismatch too: the judge never assumes.
// It judges exactly the built-ins the summary has (a CI shard checks only
// some); a summary with none is bad input, not a pass.
import type { BuiltinProposal } from '../../models/proposals/proposal.ts';
import { InputError } from '../cli/bad-input.ts';

export interface SummaryRow {
  readonly proposal: string;
  readonly status?: string;
  readonly verdicts: Readonly<Record<string, string>>;
}

export interface Mismatch {
  readonly proposal: string;
  readonly check: string;
  readonly expected: string;
  readonly found: string;
}

export interface Judgement {
  readonly judged: readonly string[];
  /** Rows that name no built-in: a user's proposal has no header to judge against. */
  readonly skipped: readonly string[];
  readonly mismatches: readonly Mismatch[];
}

const expectedOf = (b: BuiltinProposal, check: string): string | undefined => (check === 'refinement' ? (b.refinement?.verdict ?? 'holds') : (b.expected as Readonly<Record<string, string>>)[check]);

/** Throws InputError (exit 2) when no row names a built-in: there is nothing to judge. */
export function judgeSummary(rows: readonly SummaryRow[], builtins: readonly BuiltinProposal[]): Judgement {
  const judged: string[] = [];
  const skipped: string[] = [];
  const mismatches: Mismatch[] = [];
  for (const row of rows) {
    const b = builtins.find((x) => x.name === row.proposal);
    if (!b) {
      skipped.push(row.proposal);
      continue;
    }
    judged.push(row.proposal);
    for (const [check, found] of Object.entries(row.verdicts)) {
      if (found === 'not checked') continue;
      const expected = expectedOf(b, check);
      // A proposal fault or a crash of the specification has no header line: any is a mismatch.
      if (expected === undefined) {
        if (found === 'violated') mismatches.push({ proposal: row.proposal, check, expected: 'not found', found });
        continue;
      }
      if (found !== expected) mismatches.push({ proposal: row.proposal, check, expected, found });
    }
  }
  if (judged.length === 0) {
    const rows = skipped.length === 0 ? 'it has no proposals' : `it has only ${skipped.join(', ')}`;
    throw new InputError(
      `judge: no built-in proposal in the summary to judge (${rows}); the judge compares a built-in's verdicts with its header, ` +
        'and a proposal file has none: check it without --judge (exit 0 when every checked invariant holds, 1 on a violation)',
    );
  }
  return { judged, skipped, mismatches };
}
