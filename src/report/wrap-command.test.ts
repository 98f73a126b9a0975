import { describe, expect, it } from 'vitest';
import { columns } from './columns.ts';
import { shellArgv } from './testing/shell-argv.ts';
import { wrapCommand } from './wrap-command.ts';

const widest = (lines: readonly string[]) => Math.max(...lines.map(columns));
/** The command wrapped, and what a shell makes of it and of the original. */
function wrapped(command: string, width = 80) {
  const lines = wrapCommand(command, '  ', width, '    ');
  return { lines, pasted: shellArgv(lines.join('\n')), original: shellArgv(command) };
}

describe('wrapCommand', () => {
  it('leaves a command that fits as it is', () => {
    expect(wrapCommand('zdspec check coherent-v1 --seed 1 --path 5:3@FA:V', '  ')).toEqual(['  zdspec check coherent-v1 --seed 1 --path 5:3@FA:V']);
  });

  it('breaks between words with " \\", keeping an option beside its value', () => {
    const invariants = ['refcount-expected', 'free-once', 'no-use-after-free', 'memcg-target', 'memory-failure-contract', 'data-preserved'];
    const { lines, pasted, original } = wrapped(`zdspec check cdm-numa-rfc --seed 4243 --path 5:7:2:12@AAMK/I:1 ${invariants.map((i) => `--invariant ${i}`).join(' ')}`);
    expect(lines.length).toBeGreaterThan(1);
    expect(widest(lines)).toBeLessThanOrEqual(80);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/ \\$/);
    for (const line of lines) expect(line).not.toMatch(/--invariant \\$/);
    expect(pasted).toEqual(original);
  });

  it('breaks a word longer than a line so that the shell joins it back, quotes and all', () => {
    const dir = `/tmp/zdspec report ${'very-long-directory-name/'.repeat(6)}it's here`;
    const command = `zdspec check '${dir.replace(/'/g, `'\\''`)}/${'p'.repeat(150)}.mjs' --seed -5 --path 1:2@A:V --invariant free-once`;
    const { lines, pasted, original } = wrapped(command);
    expect(widest(lines)).toBeLessThanOrEqual(80);
    expect(
      lines.some((l) => /[^ ]\\$/.test(l)),
      'a word continued at column 0',
    ).toBe(true);
    expect(original[0]?.[1]).toBe(`${dir}/${'p'.repeat(150)}.mjs`);
    expect(pasted).toEqual(original);
  });

  it('handles bare, double-quoted and escaped long words, at narrow widths too', () => {
    const command = `zdspec replay ${'a'.repeat(90)}\\ b "${'c'.repeat(70)} \\" d" '' e`;
    for (const width of [80, 30, 12]) {
      const { lines, pasted, original } = wrapped(command, width);
      expect(widest(lines), `width ${width}`).toBeLessThanOrEqual(width);
      expect(pasted).toEqual(original);
    }
  });
});
