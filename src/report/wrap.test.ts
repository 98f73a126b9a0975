import { describe, expect, it } from 'vitest';
import { columns } from './columns.ts';
import { wrap } from './wrap.ts';

const widest = (lines: readonly string[]) => Math.max(...lines.map(columns));

describe('wrap', () => {
  it('breaks at spaces with a hanging indent', () => {
    const lines = wrap('one two three four five six', '> ', 12, '    ');
    expect(lines).toEqual(['> one two', '    three', '    four', '    five six']);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(wrap(`${'→'.repeat(40)} ${'→'.repeat(39)}`, '', 80)).toHaveLength(1);
    expect(columns('pfn 1 → 2 😀')).toBe(11);
  });

  it('breaks a word longer than a line, after a separator where one is near, and loses nothing', () => {
    const path = `/tmp/${'nested-directory-name/'.repeat(8)}${'a'.repeat(120)}.mjs`;
    const lines = wrap(`Proposal: ${path} -- a title`, '', 80, '  ');
    expect(widest(lines)).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^Proposal: \/tmp\/.*[/-]$/);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(2))).join('')).toContain(path);
    expect(lines.at(-1)).toMatch(/\.mjs -- a title$/);
  });

  it('keeps a unit on one line when it fits on one, and splits one that does not', () => {
    const units = ['pfn 256 COHERENT:', 'in-use no→yes,', 'refcount 1→2,', 'pte p0:0 present w→p0:0 hwpoison,', 'memcg m0'];
    const lines = wrap(units, '   ', 40, '     ');
    expect(widest(lines)).toBeLessThanOrEqual(40);
    for (const unit of units)
      expect(
        lines.some((l) => l.includes(unit)),
        unit,
      ).toBe(true);
    const long = wrap(['x '.repeat(30).trim()], '', 20);
    expect(widest(long)).toBeLessThanOrEqual(20);
  });

  it('gives the indent alone for empty text, as before', () => {
    expect(wrap('', '  ')).toEqual(['  ']);
  });
});

describe('wrap of a relative path', () => {
  it('never starts a continuation with a separator', () => {
    for (let width = 20; width <= 40; width++) {
      const lines = wrap(`x ../../tmp/zdspec-check-OURqeY/dups/dup-2.no-longterm-pin-coherent.json`, '', width, '  ');
      for (const line of lines.slice(1)) expect(line, `width ${width}`).toMatch(/^ {2}[^/.\-_:]/);
    }
  });
});
