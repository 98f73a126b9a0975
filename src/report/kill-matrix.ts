// The kill matrix of `zdspec mutate`, as text (80 columns), Markdown and
// JSON: per mutant, which invariant caught it first and how fast; per
// invariant, how many mutants it caught first and at all — an invariant
// that is never the first to catch anything is named (vacuous, or
// redundant with another).
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';
import type { KillRow } from '../mutate/kill-row.ts';
import { mdCell } from './md-cell.ts';
import { mdCode } from './md-code.ts';
import { wrap } from './wrap.ts';

export interface MatrixInfo {
  readonly generated: string;
  readonly durationMs: number;
  readonly zdspec: string;
  readonly seeds: number;
  readonly interrupted: boolean;
}

const COLUMNS = [...INVARIANT_IDS, 'refinement'] as const;

export interface MatrixTotals {
  readonly killed: number;
  readonly total: number;
  readonly first: Readonly<Record<string, number>>;
  readonly caught: Readonly<Record<string, number>>;
  /** Invariants no mutant names as its first catcher. */
  readonly neverFirst: readonly string[];
}

/** The check a row names as the first to catch it: an invariant, else refinement when only it did. */
const shownFirst = (r: KillRow): string | undefined => r.firstCatcher ?? (r.caught.refinement ? 'refinement' : undefined);

export function matrixTotals(rows: readonly KillRow[]): MatrixTotals {
  const first: Record<string, number> = {};
  const caught: Record<string, number> = {};
  for (const c of COLUMNS) {
    first[c] = rows.filter((r) => shownFirst(r) === c).length;
    caught[c] = rows.filter((r) => r.caught[c] !== undefined).length;
  }
  return { killed: rows.filter((r) => r.killed).length, total: rows.length, first, caught, neverFirst: INVARIANT_IDS.filter((id) => first[id] === 0) };
}

const secs = (x: number | undefined): string => (x === undefined ? '' : x.toFixed(2));

export function killMatrixText(rows: readonly KillRow[], info: MatrixInfo): string {
  const t = matrixTotals(rows);
  const out = [
    `zdspec mutate: ${t.killed} of ${t.total} mutants killed, ${info.seeds} seed${info.seeds === 1 ? '' : 's'} each${info.interrupted ? ' (INTERRUPTED)' : ''}`,
    `Generated: ${info.generated}`,
    `Duration: ${(info.durationMs / 1000).toFixed(1)} s`,
    '',
  ];
  out.push(`${'mutant'.padEnd(36)} ${'first caught by'.padEnd(25)} ${'len'.padStart(3)} ${'secs'.padStart(6)}`);
  for (const r of rows) {
    const first = shownFirst(r) ?? (r.killed ? '?' : 'NOT KILLED');
    const cell = r.caught[first];
    out.push(`${r.id.slice(0, 36).padEnd(36)} ${first.padEnd(25)} ${String(cell?.steps ?? '').padStart(3)} ${secs(cell?.secondsToFirst).padStart(6)}`);
  }
  out.push('', 'Per check: first catcher of / caught at all');
  for (const c of COLUMNS) out.push(`  ${c.padEnd(26)} ${String(t.first[c]).padStart(3)} / ${String(t.caught[c]).padStart(3)}`);
  out.push('');
  if (t.neverFirst.length > 0) out.push(...wrap(`Never the first catcher (vacuous or redundant): ${t.neverFirst.join(', ')}`, ''));
  else out.push('Every invariant is the first catcher of at least one mutant.');
  const missed = rows.filter((r) => !r.killed).map((r) => r.id);
  if (missed.length > 0) out.push(...wrap(`NOT KILLED within their budgets: ${missed.join(', ')}`, ''));
  return `${out.join('\n')}\n`;
}

export function killMatrixMarkdown(rows: readonly KillRow[], info: MatrixInfo): string {
  const t = matrixTotals(rows);
  const out = ['# zdspec mutate: the kill matrix', '', `_Generated: ${info.generated}; ${(info.durationMs / 1000).toFixed(1)} s; zdspec ${info.zdspec}; ${info.seeds} seed(s) each_`, ''];
  out.push(`**${t.killed} of ${t.total} mutants killed.** Cells: shrunk length (median), **first** catcher in bold; · not caught; – not judged (the base already violates it).`, '');
  out.push(`| mutant | ${COLUMNS.map(mdCode).join(' | ')} |`, `|---|${COLUMNS.map(() => '---').join('|')}|`);
  for (const r of rows) {
    const cells = COLUMNS.map((c) => {
      if (!r.checks.includes(c)) return '–';
      const k = r.caught[c];
      if (!k) return '·';
      return r.firstCatcher === c ? `**${k.steps}**` : String(k.steps);
    });
    out.push(`| ${mdCell(`${mdCode(r.id)}${r.bug ? ` (${r.bug})` : ''}`)} | ${cells.join(' | ')} |`);
  }
  out.push('', '| check | first catcher of | caught |', '|---|---|---|');
  for (const c of COLUMNS) out.push(`| ${mdCode(c)} | ${t.first[c]} | ${t.caught[c]} |`);
  out.push('');
  out.push(t.neverFirst.length > 0 ? `Never the first catcher (vacuous or redundant): ${t.neverFirst.map(mdCode).join(', ')}` : 'Every invariant is the first catcher of at least one mutant.', '');
  return `${out.join('\n')}\n`;
}

export function killMatrixJson(rows: readonly KillRow[], info: MatrixInfo): string {
  const json = {
    ...info,
    totals: matrixTotals(rows),
    mutants: rows.map((r) => ({
      ...r,
      caught: Object.fromEntries(
        Object.entries(r.caught).map(([c, k]) => [
          c,
          { seeds: k.seeds, runsToFirst: k.runsToFirst, secondsToFirst: k.secondsToFirst, shrinkSeconds: k.shrinkSeconds, steps: k.steps, replay: k.example.replay },
        ]),
      ),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
