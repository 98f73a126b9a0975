// Test helper: steps run on the pair (kernel model with a proposal's hooks
// over a built-in, and the reference) — for tests whose observable is a
// refinement failure or an invariant the checker would report.
import type { Step } from '../../models/ops.ts';
import type { ProposalHooks } from '../../models/kernel/proposal-hooks.ts';
import { resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import type { Failure } from '../../src/runner/run-report.ts';
import { runTrace } from '../../src/runner/run-trace.ts';

/** The failures of `steps` under a proposal that extends `base` with `hooks`. */
export function failuresUnder(hooks: Partial<ProposalHooks>, steps: readonly Step[], base = 'upstream'): Failure[] {
  const proposal = resolveProposal({ name: 'mutant', title: 'one changed hook', source: 'test', extends: base, hooks });
  return [...runTrace({ steps: steps.map((s) => ({ op: s.op, args: s.args })) }, { proposal }).failures];
}

/** The first failure's step (0-based) and kind, or undefined when every check held. */
export function firstFailure(hooks: Partial<ProposalHooks>, steps: readonly Step[], base = 'upstream'): { step: number; kind: string } | undefined {
  const f = failuresUnder(hooks, steps, base)[0];
  return f && { step: f.step, kind: f.kind };
}
