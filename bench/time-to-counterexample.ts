// Time to a shrunk counterexample: checkProposal on coherent-v1 for one
// invariant over several seeds — runs until the first failure, find+shrink
// time, shrunk length.
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import type { SelectableCheck } from '../src/check/checks.ts';
import { checkProposal } from '../src/check/check-proposal.ts';

export interface TimeToCounterexample {
  readonly seed: number;
  readonly found: boolean;
  readonly runs: number;
  readonly shrinks: number;
  readonly ms: number;
  readonly length: number;
}

export function timeToCounterexample(proposal: string, check: SelectableCheck, seeds: readonly number[], maxCommands: number): TimeToCounterexample[] {
  const p = resolveBuiltin(proposal);
  return seeds.map((seed) => {
    const r = checkProposal(p, { invariants: [check], seed, runs: 10_000, maxCommands });
    const cx = r.counterexample;
    return { seed, found: cx !== undefined, runs: r.runs, shrinks: r.shrinks, ms: Math.round(r.elapsedMs), length: cx?.steps.length ?? 0 };
  });
}
