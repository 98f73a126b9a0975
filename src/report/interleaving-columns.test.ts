// interleavingColumns: each step in its thread's column, numbered in run
// order; long steps wrap inside their column; every line within the width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns } from './columns.ts';
import { interleavingColumns } from './interleaving-columns.ts';

describe('interleavingColumns', () => {
  it('puts each step in its thread column, numbered in the order they ran', () => {
    const lines = interleavingColumns([
      { thread: 't1', text: 'do_swap_page: pte unlocked' },
      { thread: 't2', text: 'migrate_vma_setup' },
      { thread: 't1', text: 'do_swap_page: get page ref' },
    ]);
    expect(lines).toEqual([`step  t1${' '.repeat(36)}t2`, '   1  do_swap_page: pte unlocked', `   2${' '.repeat(40)}migrate_vma_setup`, '   3  do_swap_page: get page ref']);
  });

  it('wraps a long step inside its column, continuing on unnumbered rows', () => {
    const lines = interleavingColumns([
      { thread: 't1', text: 'memunmap_pages: percpu_ref_kill, then waiting for every page reference to drop' },
      { thread: 't2', text: 'get_dev_pagemap' },
    ]);
    expect(lines[1]).toMatch(/^ {3}1 {2}memunmap_pages/);
    expect(lines[2]).toMatch(/^ {8}\S/);
    const right = lines.findIndex((l) => l.includes('get_dev_pagemap'));
    // The right column starts at 6 + 36 + 2: the number, the left column, the gutter.
    expect(lines[right]).toBe(`   2${' '.repeat(40)}get_dev_pagemap`);
  });

  it('never exceeds the width, whatever the steps (2 or 3 threads)', () => {
    const word = fc.string({ minLength: 1, maxLength: 50 }).map((s) => s.replace(/\s/g, 'x'));
    const step = fc.record({ thread: fc.constantFrom('t1', 't2', 't3'), text: fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const lines = interleavingColumns(steps);
        for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(80);
        // Every step's first row carries its number.
        for (let i = 1; i <= steps.length; i++) expect(lines.some((l) => l.startsWith(`${String(i).padStart(4)}  `))).toBe(true);
      }),
    );
  });

  it('refuses more threads than the width has room for', () => {
    const steps = Array.from({ length: 8 }, (_, i) => ({ thread: `t${i}`, text: 'x' }));
    expect(() => interleavingColumns(steps)).toThrow(/8 threads do not fit 80 columns/);
  });
});
