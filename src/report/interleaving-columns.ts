// An interleaving of two (or more) threads as side-by-side columns, one per
// thread, each step on its own row in its thread's column, numbered in the
// order the steps ran: what issue 12's counterexamples print, so a reader
// sees at a glance which thread ran when. Every line fits `width` columns
// (an 80-column email): a step too long for its column wraps within it.
//
//   step  t1                                 t2
//      1  do_swap_page: pte unlocked
//      2                                     migrate_vma_setup
//      3  do_swap_page: get page ref
import { columns } from './columns.ts';
import { TEXT_WIDTH, wrap } from './wrap.ts';

export interface ThreadStep {
  readonly thread: string;
  readonly text: string;
}

const NUMBER = 6;
const GUTTER = 2;

/** The threads in order of their first step, one column each, evenly wide. */
export function interleavingColumns(steps: readonly ThreadStep[], width = TEXT_WIDTH): string[] {
  const threads = [...new Set(steps.map((s) => s.thread))];
  if (threads.length === 0) return [];
  const column = Math.floor((width - NUMBER - GUTTER * (threads.length - 1)) / threads.length);
  if (column < 12) throw new Error(`interleavingColumns: ${threads.length} threads do not fit ${width} columns`);
  const row = (number: string, cells: readonly string[]): string => {
    const parts = cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, column - columns(c)))));
    return `${number.padStart(NUMBER - 2)}  ${parts.join(' '.repeat(GUTTER))}`.trimEnd();
  };
  const header = row(
    'step',
    threads.map((t) => wrap(t, '', column, '')[0] ?? ''),
  );
  const lines = [header];
  steps.forEach((s, i) => {
    const at = threads.indexOf(s.thread);
    wrap(s.text, '', column, '  ').forEach((piece, k) => {
      lines.push(
        row(
          k === 0 ? String(i + 1) : '',
          threads.map((_, c) => (c === at ? piece : '')),
        ),
      );
    });
  });
  return lines;
}
