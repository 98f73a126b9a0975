// Shrink quality (issue 11): the random checker's counterexample is as
// short as explore finds around it — no shorter trace over the same
// operations and memory types (two pages each) fails the same check. Two
// built-in violations here, one of which fast-check alone shrank to 4 steps
// where 2 do (src/check/shorten.ts now finds those); every violation of
// every built-in in the deep job (properties/deep/shrink-quality.test.ts).
import { describe, expect, it } from 'vitest';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { checkProposal } from '../../src/check/check-proposal.ts';
import type { SelectableCheck } from '../../src/check/checks.ts';
import { shorterAround } from '../../src/explore/shorter-around.ts';

const CASES: readonly [string, SelectableCheck, number][] = [
  ['cdm-numa-rfc', 'memory-failure-contract', 2],
  ['coherent-v1', 'no-longterm-pin-coherent', 4],
];

describe('shrink quality: the checker ends as short as explore', () => {
  for (const [name, check, length] of CASES) {
    it(`${name} ${check}: ${length} steps, and explore finds nothing shorter`, () => {
      const proposal = resolveBuiltin(name);
      const cx = checkProposal(proposal, { invariants: [check], seed: 42, runs: 1000 }).counterexample;
      expect(cx?.check).toBe(check);
      if (cx === undefined) return;
      expect(cx.steps).toHaveLength(length);
      const around = shorterAround(cx, proposal, 1500);
      expect(around.violation?.steps.length).toBeUndefined();
    });
  }
});
