// Time to a shrunk counterexample: how long a reviewer waits between
// starting a check and holding the trace to paste. For coherent-v1 (its
// long-term-pin bug) and for every mutant of `zdspec mutate`, over several
// seeds: time to the first failing run, shrink time, and their sum; the
// bench reports medians. A mutant is searched with the checks its base
// holds, as the kill matrix does (src/mutate/mutant-checks.ts).
import { MUTANTS } from '../models/mutants/catalogue.ts';
import type { Mutant } from '../models/mutants/mutant.ts';
import { resolveBuiltin, resolveProposal } from '../models/proposals/resolve-proposal.ts';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import type { SelectableCheck } from '../src/check/checks.ts';
import { checkProposal } from '../src/check/check-proposal.ts';
import type { Focus } from '../src/check/focus.ts';
import { mutantChecks } from '../src/mutate/mutant-checks.ts';
import { asInWorker } from './as-in-worker.ts';
import { median } from './measure.ts';

export interface Search {
  readonly seed: number;
  readonly found: boolean;
  /** ms to the first failing run, ms shrinking, their sum (the whole search when nothing was found). */
  readonly toFirstMs: number;
  readonly shrinkMs: number;
  readonly totalMs: number;
  readonly steps: number;
}

export interface Searches {
  readonly name: string;
  readonly searches: readonly Search[];
  readonly found: number;
  readonly medianToFirstMs: number;
  readonly medianShrinkMs: number;
  readonly medianTotalMs: number;
}

export interface SearchTarget {
  readonly proposal: ResolvedProposal;
  readonly checks: readonly SelectableCheck[];
  readonly runs: number;
  readonly maxCommands: number;
  readonly focus?: Focus;
}

function search(t: SearchTarget, seed: number): Search {
  // As a check worker searches (as-in-worker.ts): a vm watchdog per shrink attempt would be most of the shrink time.
  const r = asInWorker(() => checkProposal(t.proposal, { invariants: t.checks, seed, runs: t.runs, maxCommands: t.maxCommands, ...(t.focus ? { focus: t.focus } : {}) }));
  const timing = r.counterexample?.timing;
  if (timing === undefined) return { seed, found: false, toFirstMs: r.elapsedMs, shrinkMs: 0, totalMs: r.elapsedMs, steps: 0 };
  return { seed, found: true, toFirstMs: timing.msToFirst, shrinkMs: timing.shrinkMs, totalMs: timing.msToFirst + timing.shrinkMs, steps: r.counterexample?.steps.length ?? 0 };
}

function searches(name: string, t: SearchTarget, seeds: readonly number[]): Searches {
  const all = seeds.map((seed) => search(t, seed));
  const found = all.filter((s) => s.found);
  return {
    name,
    searches: all,
    found: found.length,
    medianToFirstMs: median(found.map((s) => s.toFirstMs)),
    medianShrinkMs: median(found.map((s) => s.shrinkMs)),
    // A search that found nothing counts with its whole time: a missed mutant must not look fast.
    medianTotalMs: median(all.map((s) => s.totalMs)),
  };
}

/** coherent-v1's long-term pin of a coherent page, at the default budget. */
export function coherentV1(seeds: readonly number[]): Searches {
  return searches('coherent-v1', { proposal: resolveBuiltin('coherent-v1'), checks: ['no-longterm-pin-coherent'], runs: 10_000, maxCommands: 40 }, seeds);
}

export function mutantTarget(m: Mutant): SearchTarget {
  const c = mutantChecks(m);
  const checks: SelectableCheck[] = [...c.invariants, ...(c.refinement ? (['refinement'] as const) : [])];
  return { proposal: resolveProposal(m.proposal), checks, runs: m.budget.runs, maxCommands: m.budget.maxCommands, ...(m.focus ? { focus: m.focus } : {}) };
}

/** Every mutant (or those named), each over the seeds, at its own budget. */
export function mutants(seeds: readonly number[], only?: readonly string[], onEach?: (s: Searches) => void): Searches[] {
  return MUTANTS.filter((m) => only === undefined || only.includes(m.id)).map((m) => {
    const s = searches(`mutant:${m.id}`, mutantTarget(m), seeds);
    onEach?.(s);
    return s;
  });
}
