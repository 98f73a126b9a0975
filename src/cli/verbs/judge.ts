// `zdspec judge [SUMMARY]`: a check run's summary against the built-in
// proposals' headers (src/judge/judge-summary.ts). Exit 0 when every verdict
// matches, 1 listing each mismatch, 2 for a file that is not a summary.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { BUILTIN_PROPOSALS } from '../../../models/proposals/registry.ts';
import { judgeSummary, type SummaryRow } from '../../judge/judge-summary.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { printJudgement } from './print-judgement.ts';

const EXAMPLES = `
Examples:
  $ zdspec check --all && zdspec judge      # or: zdspec check --all --judge
  $ zdspec judge reports/summary.json

Exit codes: 0 every built-in's verdicts match its header; 1 a mismatch (or
a verdict the run left unfinished); 2 not a summary.json.`;

function readSummary(file: string): SummaryRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no summary (run zdspec check first)' : (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not JSON: ${(e as Error).message}`);
  }
  const rows = (json as { proposals?: unknown }).proposals;
  const ok = Array.isArray(rows) && rows.every((r) => typeof r?.proposal === 'string' && typeof r?.verdicts === 'object' && r.verdicts !== null);
  if (!ok) throw new InputError(`${file}: proposals: expected the rows of a zdspec check summary ({proposal, verdicts} each)`);
  return rows as SummaryRow[];
}

export function judgeCommand(): Command {
  return new Command('judge')
    .description("compare a check run's summary with the built-in proposals' expected verdicts")
    .argument('[summary]', 'summary.json written by zdspec check', 'reports/summary.json')
    .addHelpText('after', EXAMPLES)
    .action((file: string) => {
      const j = judgeSummary(readSummary(file), BUILTIN_PROPOSALS);
      printJudgement(j, say, cli().colors);
      if (j.mismatches.length > 0 || j.judged.length === 0) cli().exit(EXIT.FAILED);
    });
}
