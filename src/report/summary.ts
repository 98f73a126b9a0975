// The summary of one `zdspec check` run: what ran (zdspec and Node versions,
// seed, options, duration, whether it was interrupted and how to finish it)
// and, per proposal × check, what the checker found — violated (with the
// counterexample's length and files) — or did not find within its budget
// (holds), or could not finish. Text (80 columns), Markdown and JSON. Between
// two runs with the same seed and options only the Generated and Duration
// lines differ.
import { basename } from 'node:path';
import { ALL_CHECKS } from '../check/checks.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { STOPPING_CHECKS } from '../check/failure.ts';
import type { CommandStats } from '../check/stats.ts';
import type { CounterexamplePaths } from './render-counterexample.ts';
import type { Mark, VerdictColumn } from './verdict-table.ts';
import { verdictTable } from './verdict-table.ts';
import { mdCell } from './md-cell.ts';
import { mdCode } from './md-code.ts';
import { wrap } from './wrap.ts';
import { type RunScope, runScopeLines } from './run-scope.ts';

export type ProposalStatus = 'done' | 'interrupted' | 'not started' | 'failed';

export interface ProposalSummary {
  /** As given on the command line (a built-in name or a path). */
  readonly proposal: string;
  readonly name: string;
  readonly era: string;
  readonly status: ProposalStatus;
  readonly runs: number;
  readonly commands: number;
  readonly elapsedMs: number;
  /** The --time-limit ended the search before its budget of runs. */
  readonly timeLimited: boolean;
  readonly checks: readonly string[];
  readonly found: readonly Counterexample[];
  /** Files of each counterexample, by check. */
  readonly files: Readonly<Record<string, CounterexamplePaths>>;
  /** Not fully shrunk counterexamples saved when the run was interrupted, by check. */
  readonly unshrunk: Readonly<Record<string, string>>;
  readonly stats?: CommandStats;
  readonly error?: string;
}

/** `shard`: this run is one shard of a plan (check --shard); `merged`: it merges several reports (merge-reports). */
export interface RunInfo extends RunScope {
  readonly zdspec: string;
  readonly node: string;
  readonly generated: string;
  readonly durationMs: number;
  readonly seed: number;
  readonly options: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  readonly interrupted?: { readonly signal: string; readonly finish: string };
}

export function verdictOf(p: ProposalSummary, check: string): Mark {
  if (p.found.some((c) => c.check === check)) return 'violated';
  if (!p.checks.includes(check)) return 'not checked';
  return p.status === 'done' && !p.found.some((c) => STOPPING_CHECKS.includes(c.check)) ? 'holds' : 'unfinished';
}

// Columns: every selectable check, plus a proposal fault when one was found.
function columns(rows: readonly ProposalSummary[]): string[] {
  const extra = STOPPING_CHECKS.filter((k) => rows.some((r) => r.found.some((c) => c.check === k)));
  return [...ALL_CHECKS, ...extra];
}

const cell = (p: ProposalSummary, check: string): string => {
  const v = verdictOf(p, check);
  const cx = p.found.find((c) => c.check === check);
  return cx === undefined ? v : `${v} (${cx.steps.length} steps)`;
};

const optionsText = (info: RunInfo): string =>
  Object.entries(info.options)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('; ');

export function summaryText(rows: readonly ProposalSummary[], info: RunInfo): string {
  const out = ['zdspec check summary', `Generated: ${info.generated}`, `Duration: ${(info.durationMs / 1000).toFixed(1)} s`];
  out.push(...wrap(`zdspec ${info.zdspec}, node ${info.node}; seed ${info.seed}; ${optionsText(info)}`, ''));
  for (const line of runScopeLines(info)) out.push(...wrap(line, ''));
  if (info.interrupted) {
    out.push(...wrap(`INTERRUPTED by ${info.interrupted.signal}: unfinished proposals hold nothing; to finish them: ${info.interrupted.finish}`, ''));
  }
  out.push('');
  for (const row of rows) {
    const bad = row.found.length;
    const what = row.status === 'done' ? (bad === 0 ? 'every checked invariant holds' : `${bad} violated`) : `${row.status}${bad ? `, ${bad} violated` : ''}`;
    out.push(...wrap(`${row.proposal} (era ${row.era}): ${what}; ${row.runs} runs, ${row.commands} commands${row.timeLimited ? ', time limit reached' : ''}`, ''));
    if (row.error) out.push(...wrap(row.error, '  '));
    for (const check of columns(rows)) {
      if (verdictOf(row, check) === 'not checked') continue;
      const file = row.files[check]?.txt ?? row.unshrunk[check];
      out.push(...wrap(`${check.padEnd(26)} ${cell(row, check)}${file ? `  ${file}` : ''}`, '  ', undefined, '      '));
    }
    out.push('');
  }
  // A shard beyond the plan has no proposal: its scope line says so, and there is no table.
  if (rows.length === 0) return `${out.join('\n')}\n`;
  const table: VerdictColumn[] = rows.map((r) => ({ proposal: r.proposal, verdict: (c) => verdictOf(r, c) }));
  out.push(...verdictTable(columns(rows), table), '');
  out.push(...wrap('violated (N steps): a counterexample of N steps was found; holds: none found within the budget (not a proof); unfinished: the search did not finish.', ''));
  return `${out.join('\n')}\n`;
}

export function summaryMarkdown(rows: readonly ProposalSummary[], info: RunInfo): string {
  const out = ['# zdspec check summary', '', `_Generated: ${info.generated}; duration ${(info.durationMs / 1000).toFixed(1)} s_`, ''];
  out.push(`zdspec ${info.zdspec}, node ${info.node}; seed ${info.seed}; ${optionsText(info)}`, '');
  for (const line of runScopeLines(info)) out.push(line, '');
  if (info.interrupted) out.push(`**Interrupted by ${info.interrupted.signal}.** To finish: ${mdCode(info.interrupted.finish)}`, '');
  if (rows.length === 0) return `${out.join('\n')}\n`;
  out.push(`| check | ${rows.map((r) => mdCell(mdCode(r.proposal))).join(' | ')} |`, `|---|${rows.map(() => '---').join('|')}|`);
  for (const check of columns(rows)) {
    const cells = rows.map((r) => {
      const v = cell(r, check);
      const file = r.files[check]?.md;
      return verdictOf(r, check) === 'violated' ? `**${file ? `[${mdCell(v)}](${encodeURI(basename(file))})` : mdCell(v)}**` : mdCell(v);
    });
    out.push(`| ${mdCode(check)} | ${cells.join(' | ')} |`);
  }
  out.push(`| runs | ${rows.map((r) => r.runs).join(' | ')} |`, `| status | ${rows.map((r) => r.status).join(' | ')} |`, '');
  return `${out.join('\n')}\n`;
}

export function summaryJson(rows: readonly ProposalSummary[], info: RunInfo): string {
  const json = {
    ...info,
    proposals: rows.map((r) => ({
      proposal: r.proposal,
      name: r.name,
      era: r.era,
      status: r.status,
      runs: r.runs,
      commands: r.commands,
      elapsedMs: Math.round(r.elapsedMs),
      timeLimited: r.timeLimited,
      checks: r.checks,
      ...(r.error === undefined ? {} : { error: r.error }),
      verdicts: Object.fromEntries(columns(rows).map((c) => [c, verdictOf(r, c)])),
      counterexamples: r.found.map((cx) => ({
        check: cx.check,
        steps: cx.steps.length,
        seed: cx.seed,
        path: cx.path,
        replay: cx.replay,
        files: r.files[cx.check],
        runsToFirst: cx.timing.runsToFirst,
        secondsToFirst: round(cx.timing.msToFirst / 1000),
        shrinks: cx.timing.shrinks,
        shrinkSeconds: round(cx.timing.shrinkMs / 1000),
      })),
      unshrunk: r.unshrunk,
      ...(r.stats === undefined ? {} : { commandStats: r.stats }),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
