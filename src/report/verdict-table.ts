// The verdict table of a check run: checks down, proposals across, one mark
// per cell, numbered columns with a legend so it fits 80 columns whatever
// the proposals are called (`npm run check` ends with it).
import { TEXT_WIDTH } from './wrap.ts';

export type Mark = 'violated' | 'holds' | 'unfinished' | 'not checked';

export interface VerdictColumn {
  readonly proposal: string;
  readonly verdict: (check: string) => Mark;
}

const SYMBOL: Readonly<Record<Mark, string>> = { violated: 'V', holds: '.', unfinished: '?', 'not checked': '-' };
const LABEL = 26;
const CELL = 3;

export function verdictTable(checks: readonly string[], columns: readonly VerdictColumn[]): string[] {
  const perRow = Math.max(1, Math.floor((TEXT_WIDTH - LABEL) / CELL));
  const out = ['Verdicts: V violated, . holds within the budget, ? unfinished, - not checked'];
  for (let from = 0; from < columns.length; from += perRow) {
    const part = columns.slice(from, from + perRow);
    out.push(`${''.padEnd(LABEL)}${part.map((_, i) => String(from + i + 1).padStart(CELL)).join('')}`);
    for (const check of checks) out.push(`${check.slice(0, LABEL - 1).padEnd(LABEL)}${part.map((c) => SYMBOL[c.verdict(check)].padStart(CELL)).join('')}`);
  }
  // A very long proposal path keeps its end, which tells files apart.
  const fit = (s: string) => ([...s].length <= TEXT_WIDTH ? s : `…${[...s].slice(-(TEXT_WIDTH - 1)).join('')}`);
  const legend = columns.map((c, i) => fit(`${i + 1} ${c.proposal}`));
  let line = '';
  for (const item of legend) {
    if (line !== '' && line.length + 2 + item.length > TEXT_WIDTH) {
      out.push(line);
      line = '';
    }
    line = line === '' ? item : `${line}  ${item}`;
  }
  if (line !== '') out.push(line);
  return out;
}
