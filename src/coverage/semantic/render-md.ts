// semantic-coverage.md: the same tables as the HTML report, in GFM. In the
// heatmap a number is how often the operation ran on a frame of that type,
// ✕ a cell asked for (op-types) and never reached, · one not asked for.
import { mdCell } from '../../report/md-cell.ts';
import type { SemanticCoverage } from './merge.ts';
import type { SemanticRunInfo } from './render-json.ts';
import { CLASS_MEANING } from './scope.ts';
import { classRows, heatmap, hookRows, interleavingRows, invariantRows, outcomeColumns, outcomesOf, percent, pteKinds } from './tables.ts';

const row = (cells: readonly (string | number)[]): string => `| ${cells.map((c) => mdCell(String(c))).join(' | ')} |`;
const head = (cells: readonly string[]): string[] => [row(cells), row(cells.map(() => '---'))];
const code = (s: string): string => `\`${s}\``;

export function semanticMarkdown(cov: SemanticCoverage, info: SemanticRunInfo): string {
  const out: string[] = ['# Semantic coverage', ''];
  out.push(`Generated ${info.generated}, seed ${info.seed}; ${cov.total.steps} kernel steps of ${cov.jobs.map((j) => `${code(j.proposal)} (${j.era})`).join(', ') || 'no finished proposal'}.`, '');

  out.push('## Classes', '', ...head(['class', 'asks for', 'reached', 'never reached']));
  const classes = classRows(cov);
  for (const c of classes) out.push(row([code(c.cls) + (info.required.includes(c.cls) ? ' (required)' : ''), CLASS_MEANING[c.cls], `${c.reached} / ${c.cells}`, c.missing.length]));
  for (const c of classes) if (c.missing.length > 0) out.push('', `Never reached (${code(c.cls)}): ${c.missing.map(code).join(', ')}.`);
  out.push('');

  const h = heatmap(cov);
  out.push(
    '## Operations × memory types',
    '',
    'Runs per operation on a frame (or pgmap) of each type; ✕ never reached though the era has it, · not applicable; an operation marked ✕ never succeeded.',
    '',
  );
  out.push(...head(['operation', ...h.columns, 'skipped']));
  for (const r of h.rows) {
    out.push(row([`${code(r.op)}${r.neverSucceeded ? ' ✕' : ''}`, ...r.cells.map((c) => (c.state === 'reached' ? c.count : c.state === 'never' ? '✕' : '·')), r.skipped]));
  }
  out.push('');

  const outcomes = outcomeColumns(cov);
  out.push('## Outcomes per operation', '', ...head(['operation', ...outcomes]));
  for (const r of h.rows) {
    const t = outcomesOf(cov, r.op);
    out.push(row([code(r.op), ...outcomes.map((o) => t[o] ?? 0)]));
  }
  out.push('');

  const kinds = pteKinds();
  out.push('## PTE-kind transitions', '', 'Rows: the entry before a step, columns: after it (`none`: no entry); the diagonal counts entries that kept their kind but changed frame or write bit.', '');
  out.push(...head(['before \\ after', ...kinds]));
  for (const from of kinds) out.push(row([code(from), ...kinds.map((to) => cov.total.pte[from]?.[to] ?? 0)]));
  out.push('');

  out.push('## Hook decisions', '', ...head(['hook', 'calls', 'decisions']));
  for (const r of hookRows(cov)) {
    const calls = r.calls === 0 && r.asked ? '✕ 0' : String(r.calls);
    out.push(row([code(r.hook), calls, r.decisions.map(([d, n]) => `${code(d)} ${n}`).join(', ')]));
  }
  out.push('');

  out.push('## Interleaving points', '', 'Threads paused at each point and resumed from it (`check --threads`).', '', ...head(['point', 'paused', 'resumed']));
  for (const point of interleavingRows(cov)) out.push(row([code(point.point), point.paused, point.resumed]));
  out.push('');

  out.push('## Invariant applicability', '', 'How often each invariant was judged on a kernel state where it could have failed (its `applies` premise held).', '');
  out.push(...head(['invariant', 'evaluated', 'applicable', 'share']));
  for (const r of invariantRows(cov)) {
    const applicable = r.applicable === 0 && r.asked ? '✕ 0' : String(r.applicable);
    out.push(row([code(r.id), r.asked ? r.evaluated : 'not checked', applicable, percent(r.applicable, r.evaluated)]));
  }
  return `${out.join('\n')}\n`;
}
