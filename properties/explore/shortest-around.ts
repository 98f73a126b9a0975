// Test helper: is a checker counterexample as short as explore can make it?
// Explores, breadth first, the operations and memory types the trace uses,
// to one step short of it, for the same check: a violation there is a
// shorter counterexample the checker missed.
import type { OpName } from '../../models/ops.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { MemoryType } from '../../models/vocabulary.ts';
import type { SelectableCheck } from '../../src/check/checks.ts';
import type { Counterexample } from '../../src/check/counterexample.ts';
import { explore, type ExploreResult } from '../../src/explore/explore.ts';

export function shorterThan(cx: Counterexample, proposal: ResolvedProposal, maxStates: number): ExploreResult {
  const steps = cx.steps.map((s) => s.step);
  const count = (op: OpName) => steps.filter((s) => s.op === op).length;
  const types = [...new Set(steps.flatMap((s) => (s.op === 'memremap_pages' ? [s.args.type] : [])))] as MemoryType[];
  return explore(proposal, {
    depth: Math.max(1, steps.length - 1),
    bounds: { pages: 2, procs: Math.min(3, 1 + count('fork')), devices: Math.max(1, count('memremap_pages')), values: 1, symmetry: true, ...(types.length > 0 ? { types } : {}) },
    ops: [...new Set(steps.map((s) => s.op))],
    checks: [cx.check as SelectableCheck],
    maxStates,
  });
}
