// The tables every semantic-coverage report shows (Markdown, HTML), computed
// once from the merged coverage: the op × memory-type heatmap, outcomes per
// operation, PTE-kind transitions, hook decisions, invariant applicability
// and the classes with the cells they miss.
import { INTERLEAVING_POINTS } from '../../../models/kernel/interleaving-points.ts';
import { INVARIANT_IDS } from '../../../models/invariants/invariant.ts';
import { HOOK_NAMES } from '../../../models/kernel/hooks.ts';
import { OP_NAMES, type OpName } from '../../../models/ops.ts';
import { ERRNOS, PTE_KINDS } from '../../../models/vocabulary.ts';
import { SKIPPED, reached, sum, type Column, type Tally } from './counts.ts';
import { allClassCoverage, type ClassCoverage, type SemanticCoverage } from './merge.ts';
import { opTypeCell } from './scope.ts';

/** 'reached': ran at least once; 'never': asked for (op-types) and never reached; 'na': not asked for, never reached. */
export type CellState = 'reached' | 'never' | 'na';

export interface HeatCell {
  readonly column: Column;
  readonly count: number;
  readonly outcomes: Tally;
  readonly state: CellState;
}

export interface HeatRow {
  readonly op: OpName;
  readonly cells: readonly HeatCell[];
  /** Drawn but resolved to nothing (or to a prerequisite step). */
  readonly skipped: number;
  /** Asked for by `ops` and never succeeded. */
  readonly neverSucceeded: boolean;
}

export interface Heatmap {
  readonly columns: readonly Column[];
  readonly rows: readonly HeatRow[];
  readonly max: number;
}

export function heatmap(cov: SemanticCoverage): Heatmap {
  const asked = new Set(cov.scope['op-types']);
  const askedOps = new Set(cov.scope.ops);
  let max = 0;
  const rows = OP_NAMES.map((op): HeatRow => {
    const byColumn = cov.total.ops[op] ?? {};
    const cells = cov.columns.map((column): HeatCell => {
      const outcomes = byColumn[column] ?? {};
      const count = reached(outcomes);
      max = Math.max(max, count);
      const state: CellState = count > 0 ? 'reached' : asked.has(opTypeCell(op, column)) ? 'never' : 'na';
      return { column, count, outcomes, state };
    });
    const succeeded = Object.values(byColumn).some((t) => (t.success ?? 0) > 0);
    return { op, cells, skipped: byColumn.none?.[SKIPPED] ?? 0, neverSucceeded: askedOps.has(op) && !succeeded };
  });
  return { columns: cov.columns, rows, max };
}

/** Every outcome seen, success first, then errnos and signals as the vocabulary orders them, skipped last. */
export function outcomeColumns(cov: SemanticCoverage): string[] {
  const seen = new Set<string>();
  for (const byColumn of Object.values(cov.total.ops)) for (const t of Object.values(byColumn)) for (const k of Object.keys(t)) seen.add(k);
  const order = ['success', ...ERRNOS, 'SIGBUS', 'SIGSEGV'];
  const known = order.filter((k) => seen.has(k));
  const other = [...seen].filter((k) => !order.includes(k) && k !== SKIPPED).sort();
  return [...known, ...other, ...(seen.has(SKIPPED) ? [SKIPPED] : [])];
}

/** Outcomes of one operation over every column. */
export function outcomesOf(cov: SemanticCoverage, op: OpName): Tally {
  const out: Tally = {};
  for (const t of Object.values(cov.total.ops[op] ?? {})) for (const [k, n] of Object.entries(t)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** PTE kinds as rows (before) and columns (after): the vocabulary's. */
export const pteKinds = (): readonly string[] => PTE_KINDS;

export interface HookRow {
  readonly hook: string;
  readonly calls: number;
  /** Most frequent first. */
  readonly decisions: readonly (readonly [string, number])[];
  readonly asked: boolean;
}

export function hookRows(cov: SemanticCoverage): HookRow[] {
  const asked = new Set(cov.scope.hooks);
  return HOOK_NAMES.map((hook) => {
    const t = cov.total.hooks[hook] ?? {};
    const decisions = Object.entries(t).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { hook, calls: sum(t), decisions, asked: asked.has(hook) };
  });
}

export interface InterleavingRow {
  readonly point: string;
  readonly paused: number;
  readonly resumed: number;
  readonly asked: boolean;
}

/** Every interleaving point of the table, in its order, with the pauses at it and the resumes from it. */
export function interleavingRows(cov: SemanticCoverage): InterleavingRow[] {
  const asked = new Set(cov.scope.interleavings);
  return Object.keys(INTERLEAVING_POINTS).map((point) => {
    const t = cov.total.interleavings?.[point] ?? {};
    return { point, paused: t.paused ?? 0, resumed: t.resumed ?? 0, asked: asked.has(point) };
  });
}

export interface InvariantRow {
  readonly id: string;
  readonly evaluated: number;
  readonly applicable: number;
  readonly asked: boolean;
}

export function invariantRows(cov: SemanticCoverage): InvariantRow[] {
  const asked = new Set(cov.scope.invariants);
  return INVARIANT_IDS.map((id) => {
    const t = cov.total.invariants[id];
    return { id, evaluated: t?.evaluated ?? 0, applicable: t?.applicable ?? 0, asked: asked.has(id) };
  });
}

export const classRows = (cov: SemanticCoverage): ClassCoverage[] => allClassCoverage(cov);

export const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)}%`);
