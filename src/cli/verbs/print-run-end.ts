// How a check run (and a merge of runs) ends on stdout: one line per
// proposal, the verdict table when there are several, where the reports
// are, and the judgement when there is one.
import { ALL_CHECKS } from '../../check/checks.ts';
import type { Judgement } from '../../judge/judge-summary.ts';
import type { ReportDir } from '../../report/report-dir.ts';
import { type ProposalSummary, verdictOf } from '../../report/summary.ts';
import { verdictTable } from '../../report/verdict-table.ts';
import { cli, say } from '../cli-context.ts';
import { printJudgement } from './print-judgement.ts';

type Colors = ReturnType<typeof cli>['colors'];

export function printRunEnd(rows: readonly ProposalSummary[], dir: ReportDir, judgement: Judgement | undefined): void {
  const { colors: c } = cli();
  for (const row of rows) say(summaryLine(row, c));
  if (rows.length > 1)
    say(
      '',
      ...verdictTable(
        [...ALL_CHECKS],
        rows.map((r) => ({ proposal: r.proposal, verdict: (k) => verdictOf(r, k) })),
      ),
    );
  const more = dir.written.length - 3;
  say(c.dim(`reports: ${dir.path}/summary.txt (.md, .json)${more > 0 ? `, ${more} more file${more === 1 ? '' : 's'}` : ''}`));
  if (judgement) printJudgement(judgement, say, c);
}

function summaryLine(s: ProposalSummary, c: Colors): string {
  const rate = s.elapsedMs > 0 ? Math.round(s.commands / (s.elapsedMs / 1000)) : 0;
  const stats = `${s.runs} runs, ${s.commands} commands, ${(s.elapsedMs / 1000).toFixed(1)} s, ${rate} commands/s${s.timeLimited ? ', time limit reached' : ''}`;
  if (s.status !== 'done') return c.yellow(`${s.proposal}: ${s.status}${s.found.length ? `, violates ${s.found.map((cx) => cx.check).join(', ')}` : ''} (${s.runs} runs)`);
  if (s.found.length === 0) return c.green(`${s.proposal}: every checked invariant holds (${stats})`);
  return c.red(`${s.proposal}: violates ${s.found.map((cx) => `${cx.check} (${cx.steps.length} steps)`).join(', ')} (${stats})`);
}
