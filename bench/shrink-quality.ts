// The bench's shrink quality (issue 11: "for every failing built-in and
// every mutant of zdspec mutate, the bench reports the random checker's
// shrunk length against explore's shortest at the same bounds"), in the
// bench's process:
//   - every built-in: findViolations at seed 42, 1000 runs a round (as
//     properties/deep/shrink-quality.test.ts), every counterexample found;
//   - every mutant: its first counterexample at seed 42, at its own budget
//     and focus and with the checks its base holds (as the kill matrix and
//     bench/time-to-counterexample.ts search it);
//   - each counterexample of L steps against a breadth-first explore of the
//     operations and memory types its trace uses (pages 2, procs 1 + its
//     forks up to 3, devices its memremap_pages, values 1, symmetry on), the
//     same check, to depth L - 1, capped at --max-states: a violation there
//     is a shorter counterexample the checker missed. No violation is
//     "none within S states", complete to depth L - 1 (so none exists at
//     those bounds) or bounded by the cap (so none was found before it).
//     src/explore/shorter-around.ts, which the shrink-quality tests call too.
// Prints a line a counterexample and "shrink quality: k of n
// counterexamples are as short as explore finds around them". About 2-3
// minutes at the defaults on this 2-core machine, busy (the built-ins'
// random search is most of it; an explore of 2000 states is under 1 s).
//
// Knobs (read by bench/run.ts): BENCH_SHRINK=0 skips the section;
// BENCH_SHRINK_STATES (each explore's --max-states, default 2000);
// BENCH_SHRINK_RUNS (the built-ins' runs a round, default 1000);
// BENCH_SHRINK_MUTANTS ('all', the default; 'none'; a number: the first n
// of the catalogue; or a comma list of ids). Not in the run's `settings`.
import { MUTANTS } from '../models/mutants/catalogue.ts';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { BUILTIN_NAMES } from '../models/proposals/registry.ts';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { checkProposal } from '../src/check/check-proposal.ts';
import type { Counterexample } from '../src/check/counterexample.ts';
import { findViolations } from '../src/check/find-violations.ts';
import { shorterAround } from '../src/explore/shorter-around.ts';
import type { ExploreStop } from '../src/explore/explore.ts';
import { mutantTarget } from './time-to-counterexample.ts';

export const SHRINK_SEED = 42;

export interface ShrinkSettings {
  readonly maxStates: number;
  /** The built-ins' findViolations runs a round. */
  readonly runs: number;
  /** 'all', 'none', a count or a comma list of mutant ids, as given. */
  readonly mutants: string;
}

export interface ShrinkCase {
  /** A built-in's name, or mutant:<id>. */
  readonly proposal: string;
  readonly check: string;
  /** The checker's shrunk counterexample, in steps. */
  readonly length: number;
  /** The explore around it: to depth `depth` (L - 1, at least 1). */
  readonly around: { readonly depth: number; readonly states: number; readonly transitions: number; readonly stop: ExploreStop; readonly completeDepth: number; readonly ms: number };
  /** A shorter violation explore found (its check, when another). */
  readonly shorter?: { readonly steps: number; readonly check: string };
  /** No shorter violation was found. */
  readonly asShort: boolean;
  /** The explore covered every state to depth L - 1: no shorter one exists at its bounds. */
  readonly complete: boolean;
}

export interface ShrinkBench {
  readonly settings: ShrinkSettings;
  readonly seed: number;
  readonly seconds: number;
  readonly cases: readonly ShrinkCase[];
  /** Mutants the checker did not catch at the seed (nothing to compare). */
  readonly uncaught: readonly string[];
  readonly asShort: number;
  /** Of those, how many explores were complete to L - 1. */
  readonly proven: number;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

function compare(name: string, cx: Counterexample, proposal: ResolvedProposal, maxStates: number): ShrinkCase {
  const started = performance.now();
  const r = shorterAround(cx, proposal, maxStates);
  const ms = performance.now() - started;
  const length = cx.steps.length;
  const v = r.violation;
  const shorter = v !== undefined && v.steps.length < length ? { steps: v.steps.length, check: v.finding.check } : undefined;
  return {
    proposal: name,
    check: cx.check,
    length,
    around: { depth: r.maxDepth, states: r.states, transitions: r.transitions, stop: r.stop, completeDepth: r.completeDepth, ms },
    ...(shorter === undefined ? {} : { shorter }),
    asShort: shorter === undefined,
    complete: r.stop === 'complete' || r.stop === 'no-more-states',
  };
}

/** What explore found around one counterexample, as the section prints it. */
export function verdict(c: ShrinkCase): string {
  if (c.shorter !== undefined) return `shortest ≤ ${c.length - 1} found: ${c.shorter.steps} steps${c.shorter.check === c.check ? '' : ` (${c.shorter.check})`}`;
  if (c.complete) return `none within ${n(c.around.states)} states (complete to depth ${c.around.depth})`;
  if (c.around.stop === 'violation') return `none shorter (its own length at depth ${c.around.depth}, ${n(c.around.states)} states)`;
  return `none within ${n(c.around.states)} states (bounded: complete to depth ${c.around.completeDepth} of ${c.around.depth})`;
}

function chosenMutants(spec: string): typeof MUTANTS {
  if (spec === 'none') return [];
  if (spec === 'all' || spec === '') return MUTANTS;
  if (/^\d+$/.test(spec)) return MUTANTS.slice(0, Number(spec));
  const ids = spec.split(',').map((s) => s.trim());
  const unknown = ids.filter((id) => !MUTANTS.some((m) => m.id === id));
  if (unknown.length > 0) throw new Error(`bench: BENCH_SHRINK_MUTANTS names no mutant ${unknown.join(', ')}`);
  return MUTANTS.filter((m) => ids.includes(m.id));
}

/** The summary line. */
export const shrinkSummary = (s: ShrinkBench): string =>
  `shrink quality: ${s.asShort} of ${s.cases.length} counterexamples are as short as explore finds around them (${s.proven} of those complete to one step shorter, the rest bounded by ${n(s.settings.maxStates)} states)`;

/** Runs the section, printing each line as it is measured. */
export function shrinkBench(settings: ShrinkSettings, print: (line: string) => void = console.log): ShrinkBench {
  const started = performance.now();
  const cases: ShrinkCase[] = [];
  const uncaught: string[] = [];
  const show = (c: ShrinkCase) => {
    cases.push(c);
    print(`  ${c.proposal.padEnd(48)} ${c.check.padEnd(30)} ${String(c.length).padStart(2)} steps: ${verdict(c)}`);
  };
  print(`shrink quality (seed ${SHRINK_SEED}; explore around each counterexample, --max-states ${n(settings.maxStates)})`);
  print(`  built-ins, findViolations ${n(settings.runs)} runs a round`);
  for (const name of BUILTIN_NAMES) {
    const proposal = resolveBuiltin(name);
    const found = findViolations(proposal, { seed: SHRINK_SEED, budget: { runs: settings.runs } }).found;
    if (found.length === 0) print(`  ${name.padEnd(48)} (no violation found)`);
    for (const cx of found) show(compare(name, cx, proposal, settings.maxStates));
  }
  const mutants = chosenMutants(settings.mutants);
  if (mutants.length > 0) print(`  mutants (${mutants.length}), first counterexample at each one's budget`);
  for (const m of mutants) {
    const t = mutantTarget(m);
    const cx = checkProposal(t.proposal, { invariants: t.checks, seed: SHRINK_SEED, runs: t.runs, maxCommands: t.maxCommands, ...(t.focus ? { focus: t.focus } : {}) }).counterexample;
    if (cx === undefined) {
      uncaught.push(`mutant:${m.id}`);
      print(`  ${`mutant:${m.id}`.padEnd(48)} (no counterexample in ${n(t.runs)} runs)`);
    } else show(compare(`mutant:${m.id}`, cx, t.proposal, settings.maxStates));
  }
  const asShort = cases.filter((c) => c.asShort).length;
  const proven = cases.filter((c) => c.asShort && (c.complete || c.around.stop === 'violation')).length;
  const seconds = (performance.now() - started) / 1000;
  const result: ShrinkBench = { settings, seed: SHRINK_SEED, seconds, cases, uncaught, asShort, proven };
  print(`  ${shrinkSummary(result)}`);
  print(`  (shrink section: ${seconds.toFixed(0)} s)`);
  return result;
}

/** The section of reports/bench.md. */
export function shrinkMarkdown(s: ShrinkBench): string[] {
  return [
    '## Shrink quality (issue 11)',
    '',
    `Seed ${s.seed}: every built-in's findViolations (${n(s.settings.runs)} runs a round) and each mutant's first counterexample (mutants: ${s.settings.mutants}), against a breadth-first explore of the trace's operations and memory types to one step shorter, --max-states ${n(s.settings.maxStates)}.`,
    '',
    '| proposal | check | checker steps | explore around it | states | ms |',
    '| --- | --- | ---: | --- | ---: | ---: |',
    ...s.cases.map((c) => `| ${c.proposal} | ${c.check} | ${c.length} | ${c.shorter === undefined ? verdict(c) : `**${verdict(c)}**`} | ${n(c.around.states)} | ${n(c.around.ms)} |`),
    '',
    ...(s.uncaught.length > 0 ? [`No counterexample at seed ${s.seed}: ${s.uncaught.join(', ')}.`, ''] : []),
    `${shrinkSummary(s).replace(/^s/, 'S')}.`,
    '',
  ];
}
