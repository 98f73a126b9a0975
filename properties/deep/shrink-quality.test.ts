// Shrink quality, deep: every violation the checker finds on every built-in
// (one seed) against a breadth-first search around it (the everyday subset
// is properties/explore/shrink-quality.test.ts).
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { findViolations } from '../../src/check/find-violations.ts';
import { shorterAround } from '../../src/explore/shorter-around.ts';

describe('shrink quality, deep: no built-in counterexample has a shorter one around it', () => {
  for (const name of BUILTIN_NAMES) {
    it(name, () => {
      const proposal = resolveBuiltin(name);
      for (const cx of findViolations(proposal, { seed: 42, budget: { runs: 1000 } }).found) {
        const around = shorterAround(cx, proposal, 20_000);
        expect({ check: cx.check, shorter: around.violation?.steps.length }).toEqual({ check: cx.check, shorter: undefined });
      }
    });
  }
});
