import { describe, expect, it } from 'vitest';
import { judgeScenarioRun } from './judge-scenario.ts';
import type { Failure, RunReport } from './run-report.ts';

const report = (failures: Failure[]): RunReport => ({ proposal: 'x', era: 'upstream', ok: failures.length === 0, steps: [], failures });
const pin: Failure = { step: 3, kind: 'invariant', id: 'no-longterm-pin-coherent', side: 'kernel', message: 'pin0 holds pfn 256' };
const expectFailure: Failure = { step: 3, kind: 'expect', message: 'errno: expected ...' };

describe('judgeScenarioRun', () => {
  it('wants a clean run when nothing is violated', () => {
    expect(judgeScenarioRun(report([]), { proposal: 'x' })).toBeUndefined();
    expect(judgeScenarioRun(report([pin]), { proposal: 'x' })).toMatch(/expected every check to hold; first failure at step 4: no-longterm-pin-coherent/);
  });

  it('wants the named invariant among the first failing step', () => {
    expect(judgeScenarioRun(report([expectFailure, pin]), { proposal: 'x', violates: 'no-longterm-pin-coherent' })).toBeUndefined();
    expect(judgeScenarioRun(report([]), { proposal: 'x', violates: 'free-once' })).toMatch(/every check held/);
    expect(judgeScenarioRun(report([pin]), { proposal: 'x', violates: 'refinement' })).toMatch(/expected refinement to fail first/);
  });
});
