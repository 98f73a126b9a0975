// guardProcess: once installed, the calls that end the process throw
// ProposalEscape naming the call; zdspec keeps the originals. (It stays
// installed in this test file's worker thread, which is the point.)
import { describe, expect, it } from 'vitest';
import { ProposalEscape, guardProcess } from './process-guard.ts';

describe('guardProcess', () => {
  const real = guardProcess();

  it('is idempotent: the originals are saved once', () => {
    expect(guardProcess()).toBe(real);
  });

  it.each([
    ['process.exit(0)', () => process.exit(0)],
    ['process.exit()', () => process.exit()],
    ['process.abort()', () => process.abort()],
    ['process.reallyExit(3)', () => (process as unknown as { reallyExit: (c: number) => never }).reallyExit(3)],
    // SIGURG is ignored by default: were the guard missing, nothing would happen (and the test fails).
    [`process.kill(${process.pid}, 'SIGURG')`, () => process.kill(process.pid, 'SIGURG')],
    ["process.kill(0, 'SIGURG')", () => process.kill(0, 'SIGURG')],
  ])('%s throws ProposalEscape', (call, f) => {
    expect(f).toThrow(ProposalEscape);
    expect(f).toThrow(`called ${call}: a proposal cannot end the process`);
  });

  it('lets signal 0 (does the process exist?) through', () => {
    expect(process.kill(process.pid, 0)).toBe(true);
  });
});
