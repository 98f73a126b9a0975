// The pair loop with fake models: a counter machine where cpu_read returns
// the counter and bumps it. The kernel model's behaviour comes from a hook,
// so a proposal can diverge from (or crash inside) it.
import { describe, expect, it } from 'vitest';
import type { KernelInstance, KernelSnapshot, Outcome, Specification } from '../../models/model.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { AbsState } from '../../models/state.ts';
import type { View } from '../../models/view.ts';
import { ERAS } from '../../models/eras/registry.ts';
import type { Invariant } from '../../models/invariants/invariant.ts';
import type { Trace } from '../trace/trace.ts';
import { createPairWith, type PairModels } from './pair.ts';
import { runTraceOnPair } from './run-on-pair.ts';
import { judgeStep } from '../check/judge.ts';
import { checkSet } from '../check/checks.ts';

type Counter = { n: number };
const asState = (c: Counter) => c as unknown as AbsState;
const viewOf = (c: Counter): View => ({ state: asState(c) }) as unknown as View;

const reference: Specification = {
  init: () => asState({ n: 0 }),
  step: (_era, state): Outcome[] => {
    const { n } = state as unknown as Counter;
    return [{ result: { value: n }, state: asState({ n: n + 1 }), events: [] }];
  },
  view: (_era, state) => viewOf(state as unknown as Counter),
};

/** The kernel asks the expected_page_refs hook how much to add per step. */
function createKernel(_era: unknown, hooks: Hooks): KernelInstance {
  let n = 0;
  return {
    apply: () => {
      const value = n;
      n += hooks.expected_page_refs({} as never, {});
      return { result: { value }, events: [] };
    },
    abstract: () => asState({ n }),
    view: () => viewOf({ n }),
    save: () => n as unknown as KernelSnapshot,
    restore: (saved) => {
      n = saved as unknown as number;
    },
    stateWords: () => [n],
  };
}

const atMostTwo: Invariant = {
  id: 'refcount-expected',
  statement: 'n stays at most 2',
  guards: [],
  clauses: [{ id: 'bound', statement: 'n <= 2' }],
  check: (after) => ((after.state as unknown as Counter).n > 2 ? [{ clause: 'bound', message: `n is ${(after.state as unknown as Counter).n}` }] : []),
};

const models: PairModels = { reference, createKernel: createKernel as PairModels['createKernel'], invariants: [atMostTwo] };

function proposal(step: () => number): ResolvedProposal {
  return { name: 'fake', title: '', source: '', era: ERAS.upstream, hooks: { expected_page_refs: step } as unknown as Hooks, chain: ['fake'], overridden: [] };
}

const read = { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } } as const;
const trace = (n: number, expect?: Record<string, unknown>): Trace => ({ steps: Array.from({ length: n }, () => ({ ...read, ...(expect ? { expect } : {}) })) });

describe('createPairWith / runTraceOnPair', () => {
  it('passes when the kernel refines the reference', () => {
    const p = proposal(() => 1);
    const report = runTraceOnPair(trace(2), p, createPairWith(models, p));
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.kernel?.result)).toEqual([{ value: 0 }, { value: 1 }]);
    expect(report.steps[1]?.allowed).toEqual([{ value: 1 }]);
  });

  it('reports a state divergence as a readable first difference, and continues', () => {
    const p = proposal(() => 2);
    const report = runTraceOnPair(trace(2), p, createPairWith(models, p));
    expect(report.failures[0]).toEqual({ step: 0, kind: 'refinement', message: 'state: n: kernel 2, reference 1' });
    expect(report.failures[1]).toMatchObject({ step: 1, kind: 'refinement', message: 'result: kernel = 2, reference allows = 1' });
    expect(report.evidence?.step).toBe(0);
  });

  it('evaluates invariants on both sides', () => {
    const p = proposal(() => 1);
    const report = runTraceOnPair(trace(3), p, createPairWith(models, p));
    expect(report.failures).toEqual([
      { step: 2, kind: 'invariant', id: 'refcount-expected', side: 'kernel', message: 'bound: n is 3' },
      { step: 2, kind: 'invariant', id: 'refcount-expected', side: 'reference', message: 'bound: n is 3' },
    ]);
    const kernelOnly = runTraceOnPair(trace(3), p, createPairWith(models, p, { sides: 'kernel' }));
    expect(kernelOnly.failures.map((f) => f.side)).toEqual(['kernel']);
    expect(runTraceOnPair(trace(3), p, createPairWith(models, p, { invariants: ['free-once'] })).ok).toBe(true);
  });

  it('checks expectations: partial results and success', () => {
    const p = proposal(() => 1);
    expect(runTraceOnPair(trace(1, { value: 0 }), p, createPairWith(models, p)).ok).toBe(true);
    const wrong = runTraceOnPair(trace(1, { value: 5 }), p, createPairWith(models, p));
    expect(wrong.failures).toEqual([{ step: 0, kind: 'expect', message: 'value: expected 5, got 0 (= 0)' }]);
    const failing = runTraceOnPair(trace(1, { errno: 'EBUSY' }), p, createPairWith(models, p));
    expect(failing.failures[0]?.message).toBe("errno: expected 'EBUSY', got absent (= 0)");
  });

  it('turns a throwing hook into a proposal-crashed finding and stops', () => {
    const p = proposal(() => {
      throw new Error('hook bug');
    });
    const report = runTraceOnPair(trace(3), p, createPairWith(models, p));
    expect(report.steps).toHaveLength(1);
    expect(report.failures).toEqual([{ step: 0, kind: 'proposal-crashed', message: 'hook expected_page_refs threw: hook bug' }]);
  });

  it("reports a throwing reference as specification-crashed (zdspec's bug), never as the proposal's refinement failure", () => {
    const p = proposal(() => 1);
    const broken: PairModels = {
      ...models,
      reference: {
        ...reference,
        step: () => {
          throw new Error('spec bug');
        },
      },
    };
    const report = runTraceOnPair(trace(2), p, createPairWith(broken, p));
    expect(report.failures).toEqual([{ step: 0, kind: 'specification-crashed', message: 'the reference threw: spec bug' }]);
    const rec = createPairWith(broken, p).step({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 } });
    expect(judgeStep(rec, checkSet(['refinement']), 0)).toMatchObject({ kind: 'specification-crashed', check: 'specification-crashed' });
  });
});
