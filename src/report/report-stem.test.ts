import { describe, expect, it } from 'vitest';
import type { Counterexample } from '../check/counterexample.ts';
import { reportStem } from './write-counterexample.ts';

const stem = (proposal: string) => reportStem({ proposal, check: 'no-longterm-pin-coherent' } as Counterexample);

describe('reportStem', () => {
  it('keeps the dots of a built-in name', () => {
    expect(stem('hmm-v4.14')).toBe('hmm-v4.14.no-longterm-pin-coherent');
  });
  it('drops the directory and source extension of a proposal file', () => {
    expect(stem('/tmp/my series/v2.fix.ts')).toBe('v2.fix.no-longterm-pin-coherent');
  });
});
