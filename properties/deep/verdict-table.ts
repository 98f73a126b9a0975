// The verdict table: for every built-in proposal, the invariants random
// checking finds violated (findViolations), beside the verdicts its header
// expects. The checker never sees `expected`; only this test compares.
//
// Budget: ZDSPEC_VERDICT_RUNS (default 2000) runs per search round and
// ZDSPEC_VERDICT_MAX_COMMANDS (default 30); ZDSPEC_DEEP=1 multiplies the
// runs by 10. The seed is fixed (ZDSPEC_SEED overrides it) so a failure here
// reproduces; each counterexample prints its replay command.
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROPOSALS } from '../../models/proposals/registry.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';
import { findViolations, type ViolationSearch } from '../../src/check/find-violations.ts';
import { isProposalFault } from '../../src/check/failure.ts';

const RUNS = Number(process.env.ZDSPEC_VERDICT_RUNS ?? 2000) * (process.env.ZDSPEC_DEEP ? 10 : 1);
const MAX_COMMANDS = Number(process.env.ZDSPEC_VERDICT_MAX_COMMANDS ?? 30);
const SEED = Number(process.env.ZDSPEC_SEED ?? 4242);
// Proposals whose header-claimed "holds" must survive the whole budget.
const MUST_HOLD = new Set(['coherent-v4', 'v6.0', 'v6.1', 'upstream']);

const searches = new Map<string, ViolationSearch>();

/** The verdict table for these built-ins (two test files split the eight so they run in parallel). */
export function verdictTable(names: readonly string[]): void {
  describe(`verdict table (random checking vs each proposal header): ${names.join(', ')}`, () => {
    for (const builtin of BUILTIN_PROPOSALS.filter((p) => names.includes(p.name))) {
      it(`${builtin.name}: the violated invariants are the expected ones`, () => {
        const search = findViolations(resolveBuiltin(builtin.name), { seed: SEED, budget: { runs: RUNS, maxCommands: MAX_COMMANDS } });
        searches.set(builtin.name, search);
        const found = new Set<string>(search.found.map((cx) => cx.check));
        for (const cx of search.found) console.log(`${builtin.name}: ${cx.check} in ${cx.steps.length} steps — ${cx.replay}`);
        expect([...found].filter(isProposalFault), 'a built-in proposal crashed, hung or returned a bad decision').toEqual([]);
        const refinementExpected = (builtin.refinement?.verdict ?? 'holds') === 'violated';
        expect(found.has('refinement'), refinementExpected ? 'the design should not refine the specification' : 'kernel model and reference disagree').toBe(refinementExpected);
        const expectedViolated = INVARIANT_IDS.filter((id) => builtin.expected[id] === 'violated');
        const foundInvariants = INVARIANT_IDS.filter((id) => found.has(id));
        if (MUST_HOLD.has(builtin.name)) expect(search.runs).toBeGreaterThanOrEqual(RUNS);
        expect(foundInvariants).toEqual(expectedViolated);
      });
    }

    if (names.includes('coherent-v1'))
      it('coherent-v1 violates no-longterm-pin-coherent in at most 6 steps', () => {
        const search = searches.get('coherent-v1') ?? findViolations(resolveBuiltin('coherent-v1'), { seed: SEED, budget: { runs: RUNS, maxCommands: MAX_COMMANDS } });
        const cx = search.found.find((c) => c.check === 'no-longterm-pin-coherent');
        expect(cx, 'not found').toBeDefined();
        expect(cx!.steps.length).toBeLessThanOrEqual(6);
      });

    if (names.includes('hmm-v4.14'))
      it('hmm-v4.14 violates no-longterm-pin-coherent (DEVICE_PUBLIC)', () => {
        const search = searches.get('hmm-v4.14') ?? findViolations(resolveBuiltin('hmm-v4.14'), { seed: SEED, budget: { runs: RUNS, maxCommands: MAX_COMMANDS } });
        const cx = search.found.find((c) => c.check === 'no-longterm-pin-coherent');
        expect(cx?.steps.map((s) => s.step.op)).toContain('memremap_pages');
      });

    afterAll(() => {
      const names = BUILTIN_PROPOSALS.map((p) => p.name).filter((n) => searches.has(n));
      const cell = (name: string, id: string): string => {
        const builtin = BUILTIN_PROPOSALS.find((p) => p.name === name);
        const expected = id === 'refinement' ? (builtin?.refinement?.verdict ?? 'holds') : builtin?.expected[id as keyof (typeof BUILTIN_PROPOSALS)[number]['expected']];
        const found = searches.get(name)?.found.some((cx) => cx.check === id) ? 'violated' : 'holds';
        const mark = found === expected ? ' ' : '≠';
        return `${found === 'violated' ? 'V' : '.'}${expected === 'violated' ? 'V' : '.'}${mark}`.padEnd(12);
      };
      const lines = [
        `verdict table (found/expected: V violated, . holds, ≠ mismatch; ${RUNS} runs/round, max ${MAX_COMMANDS} commands, seed ${SEED})`,
        `${''.padEnd(26)}${names.map((n) => n.slice(0, 11).padEnd(12)).join('')}`,
        ...[...INVARIANT_IDS, 'refinement'].map((id) => `${id.padEnd(26)}${names.map((n) => cell(n, id)).join('')}`),
        `${'runs'.padEnd(26)}${names.map((n) => String(searches.get(n)?.runs ?? 0).padEnd(12)).join('')}`,
      ];
      console.log(lines.join('\n'));
    });
  });
}
