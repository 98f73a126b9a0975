// The run summary: proposals × checks, what the checker found (violated, with
// the counterexample's length and file) or did not find within its budget
// (holds). Text, Markdown and JSON; only the "Generated" line varies between
// identical runs (no timings: they would break byte-identical reports).
import { ALL_CHECKS } from '../check/checks.ts';
import { PROPOSAL_FAULTS } from '../check/failure.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { writeAtomic } from './write-atomic.ts';
import { join } from 'node:path';

export interface ProposalSummary {
  readonly proposal: string;
  readonly era: string;
  readonly runs: number;
  readonly commands: number;
  readonly checks: readonly string[];
  readonly found: readonly Counterexample[];
  /** Report file stem per found check. */
  readonly files: Readonly<Record<string, string>>;
}

const verdictOf = (p: ProposalSummary, check: string): string => {
  const cx = p.found.find((c) => c.check === check);
  if (cx !== undefined) return `violated (${cx.steps.length})`;
  return p.checks.includes(check) ? 'holds' : '-';
};

// Columns: every selectable check, plus crash/timeout when one was found.
function columns(rows: readonly ProposalSummary[]): string[] {
  const extra = PROPOSAL_FAULTS.filter((k) => rows.some((r) => r.found.some((c) => c.check === k)));
  return [...ALL_CHECKS, ...extra];
}

export function summaryText(rows: readonly ProposalSummary[], generated: string): string {
  const out = ['zdspec check summary', `Generated: ${generated}`, ''];
  for (const row of rows) {
    const bad = row.found.length;
    out.push(`${row.proposal} (era ${row.era}): ${bad === 0 ? 'every checked invariant holds' : `${bad} violated`}, ${row.runs} runs, ${row.commands} commands`);
    for (const check of columns(rows)) {
      const verdict = verdictOf(row, check);
      if (verdict !== '-') out.push(`  ${check.padEnd(26)} ${verdict}${row.files[check] ? `  ${row.files[check]}.txt` : ''}`);
    }
    out.push('');
  }
  out.push('violated (N): a counterexample of N steps was found; holds: none found within the budget.');
  return `${out.join('\n')}\n`;
}

export function summaryMarkdown(rows: readonly ProposalSummary[], generated: string): string {
  const cols = columns(rows);
  const out = ['# zdspec check summary', '', `_Generated: ${generated}_`, '', `| check | ${rows.map((r) => `\`${r.proposal}\``).join(' | ')} |`, `|---|${rows.map(() => '---').join('|')}|`];
  for (const check of cols) {
    const cells = rows.map((r) => {
      const v = verdictOf(r, check);
      const file = r.files[check];
      return v.startsWith('violated') ? `**${file ? `[${v}](${file}.md)` : v}**` : v;
    });
    out.push(`| \`${check}\` | ${cells.join(' | ')} |`);
  }
  out.push(`| runs | ${rows.map((r) => r.runs).join(' | ')} |`, '');
  return `${out.join('\n')}\n`;
}

export function summaryJson(rows: readonly ProposalSummary[], generated: string): string {
  const json = {
    generated,
    proposals: rows.map((r) => ({
      proposal: r.proposal,
      era: r.era,
      runs: r.runs,
      commands: r.commands,
      verdicts: Object.fromEntries(columns(rows).map((c) => [c, verdictOf(r, c)]).filter(([, v]) => v !== '-')),
      counterexamples: r.found.map((cx) => ({ check: cx.check, steps: cx.steps.length, seed: cx.seed, path: cx.path, replay: cx.replay, file: r.files[cx.check] ? `${r.files[cx.check]}.json` : undefined })),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function writeSummary(rows: readonly ProposalSummary[], dir: string, generated: string = new Date().toISOString()): string[] {
  const files = ['summary.txt', 'summary.md', 'summary.json'].map((f) => join(dir, f));
  writeAtomic(files[0]!, summaryText(rows, generated));
  writeAtomic(files[1]!, summaryMarkdown(rows, generated));
  writeAtomic(files[2]!, summaryJson(rows, generated));
  return files;
}
