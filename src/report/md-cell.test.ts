import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { mdCell } from './md-cell.ts';
import { mdCode } from './md-code.ts';
import { mdTableRows } from './testing/md-table-rows.ts';

const table = (cells: readonly string[]) => `| a | b |\n|---|---|\n${cells.map((c) => `| ${c} | end |`).join('\n')}\n`;
// Raw HTML allowed, as GitHub allows <br>.
const html = (md: string) => micromark(md, { allowDangerousHtml: true, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
// What a browser shows of a cell's HTML: tags dropped, entities decoded.
const shown = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const cellsOf = (md: string) => [...html(md).matchAll(/<td>(.*?)<\/td>/gs)].map((m) => m[1] ?? '');

describe('mdCell and mdCode', () => {
  const calls = [
    'mmap(p0, 2, anon, MAP_PRIVATE, PROT_READ|PROT_WRITE) = vpn 0',
    'pin_user_pages(p0, vpn 0, FOLL_LONGTERM|FOLL_WRITE) = pin0',
    'a `tick` and ``two`` and a trailing `',
    '`leading tick|pipe',
    'a\\\\|b: an escaped backslash before a pipe',
    '  padded  ',
  ];

  it("keeps every row at the header's cell count, and a code span shows its text exactly", () => {
    const md = table(calls.map((c) => mdCell(mdCode(c))));
    expect(mdTableRows(md)).toEqual([[2, ...calls.map(() => 2)]]);
    const cells = cellsOf(md).filter((_, i) => i % 2 === 0);
    expect(cells.map((c) => c.startsWith('<code>'))).toEqual(calls.map(() => true));
    expect(cells.map(shown)).toEqual(calls);
  });

  it('leaves an already escaped pipe alone and turns line breaks into <br>', () => {
    expect(mdCell('a\\|b|c')).toBe('a\\|b\\|c');
    const md = table([mdCell('text a|b\\|c\nsecond line\r\nthird'), mdCell(`${mdCode('x|y')} **← fails**`)]);
    expect(mdTableRows(md)).toEqual([[2, 2, 2]]);
    expect(cellsOf(md)[0]).toBe('text a|b|c<br>second line<br>third');
    expect(cellsOf(md)[2]).toBe('<code>x|y</code> <strong>← fails</strong>');
  });

  it('keeps a code span on one line', () => {
    expect(mdCode('one\ntwo')).toBe('`one two`');
    expect(mdCode('')).toBe('` `');
  });
});
