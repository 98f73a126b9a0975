// A small-budget check of every built-in proposal (the everyday smoke test;
// the full verdict campaigns are `npm run test:deep`): nothing crashes or
// hangs, nothing the header calls "holds" is found violated, and a built-in
// whose header expects violations shows at least one of them. Verdicts
// only: counterexamples are not shrunk here (shrink: false; shrinking is
// checker.test.ts's and shrink-quality.test.ts's).
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROPOSALS } from '../models/proposals/registry.ts';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { findViolations } from '../src/check/find-violations.ts';
import { INVARIANT_IDS } from '../models/invariants/invariant.ts';
import type { Focus } from '../models/focus.ts';

const BUDGET = { runs: 60, maxCommands: 30 };
const SEED = 4242;
/**
 * Where the expected violation needs a long specific sequence the small
 * budget seldom draws, the search is steered to it (as `check --focus`):
 * v6.2's device-private charge staying behind needs charge moving of a page
 * migrated to device-private memory.
 */
const FOCUS: Readonly<Record<string, Focus>> = { 'v6.2': { ops: ['migrate_to_device', 'mem_cgroup_create', 'mem_cgroup_move_task'], types: ['PRIVATE'] } };

describe('every built-in, small budget', () => {
  it.each(BUILTIN_PROPOSALS.map((b) => [b.name, b] as const))('%s: finds only what its header expects', (name, builtin) => {
    const focus = FOCUS[name];
    const search = findViolations(resolveBuiltin(name), { seed: SEED, budget: BUDGET, shrink: false, ...(focus ? { focus } : {}) });
    const expectedViolated = new Set<string>(INVARIANT_IDS.filter((id) => builtin.expected[id] === 'violated'));
    if (builtin.refinement?.verdict === 'violated') expectedViolated.add('refinement');
    const found = search.found.map((cx) => cx.check);
    const unexpected = search.found.filter((cx) => !expectedViolated.has(cx.check)).map((cx) => `${cx.check}: ${cx.replay}`);
    expect(unexpected, 'found violations the header says hold').toEqual([]);
    if (expectedViolated.size > 0) expect(found.length, 'none of the expected violations found').toBeGreaterThan(0);
    else expect(search.runs).toBeGreaterThanOrEqual(BUDGET.runs);
  });
});
