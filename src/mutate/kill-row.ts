// One row of the kill matrix: a mutant, and per check whether it caught the
// mutant within the budget, how fast and with how short a counterexample
// (medians over the seeds), plus which invariant caught it first.
import type { Counterexample } from '../check/counterexample.ts';

export interface CheckKill {
  /** Seeds (of those run) on which the check caught the mutant. */
  readonly seeds: number;
  readonly runsToFirst: number;
  readonly secondsToFirst: number;
  readonly shrinkSeconds: number;
  /** Shrunk length of the counterexample (median). */
  readonly steps: number;
  /** A counterexample, for the report (the first seed's). */
  readonly example: Counterexample;
}

export interface KillRow {
  readonly id: string;
  readonly kind: string;
  readonly bug?: string;
  readonly extends: string;
  readonly fault: string;
  /** Checks it was judged by (the base's holding invariants, and refinement). */
  readonly checks: readonly string[];
  /** Per check that caught it at least once. */
  readonly caught: Readonly<Record<string, CheckKill>>;
  /** The invariant the search over invariants alone found first (on most seeds), if any. */
  readonly firstCatcher?: string;
  readonly killed: boolean;
  readonly seeds: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
};

/** Per check, the counterexamples each seed found → the row's cells. */
export function checkKills(bySeed: readonly (readonly Counterexample[])[]): Record<string, CheckKill> {
  const per = new Map<string, Counterexample[]>();
  for (const found of bySeed) for (const cx of found) per.set(cx.check, [...(per.get(cx.check) ?? []), cx]);
  const out: Record<string, CheckKill> = {};
  for (const [check, cxs] of per) {
    out[check] = {
      seeds: cxs.length,
      runsToFirst: median(cxs.map((c) => c.timing.runsToFirst)),
      secondsToFirst: median(cxs.map((c) => c.timing.msToFirst / 1000)),
      shrinkSeconds: median(cxs.map((c) => c.timing.shrinkMs / 1000)),
      steps: median(cxs.map((c) => c.steps.length)),
      example: cxs[0]!,
    };
  }
  return out;
}

/** The invariant found first on most seeds (ties: the earlier in judge order wins by first appearance). */
export function firstCatcher(bySeed: readonly (readonly Counterexample[])[]): string | undefined {
  const votes = new Map<string, number>();
  for (const found of bySeed) {
    const first = found[0]?.check;
    if (first !== undefined) votes.set(first, (votes.get(first) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [check, n] of votes) if (best === undefined || n > (votes.get(best) ?? 0)) best = check;
  return best;
}
