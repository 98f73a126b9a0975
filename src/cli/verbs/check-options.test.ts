// parseCount: the integer options of check and explore (--runs, --depth, …).
import { describe, expect, it } from 'vitest';
import { parseCount } from './check-options.ts';

describe('parseCount', () => {
  it('takes decimal integers at or above the minimum, and nothing when absent', () => {
    expect(parseCount('--runs', '1', 1)).toBe(1);
    expect(parseCount('--runs', '0400', 1)).toBe(400);
    expect(parseCount('--runs', '0', 0)).toBe(0);
    expect(parseCount('--runs', undefined, 1)).toBeUndefined();
  });

  it.each(['0x10', '1e3', ' 5', '5 ', '', '+3', '-1', '1.5', '9007199254740993', '0'])("rejects '%s' naming the option", (raw) => {
    expect(() => parseCount('--runs', raw, 1)).toThrow(`--runs: expected an integer ≥ 1, got '${raw}'`);
  });
});
