// The bench's threads section (issue 12), in the bench's process:
//   - check upstream with and without the thread commands (check --threads):
//     commands/s of each, same seed and runs; the threads cost what their
//     stretches' linearizations and the interleaving points' judging cost;
//   - explore upstream --threads from two device-private pages (the race's
//     ground: properties/threads/explore-threads.test.ts's start and its
//     racing operations), depth 4, pages 2: states, transitions, states/s
//     and verdict — upstream must be complete with no violation — unreduced
//     (--no-por), with threads off for the state count they add, and with
//     the partial-order reduction (explore's default with --threads:
//     commutes-with-start.ts) for the states and time it saves, the same
//     verdict required;
//   - time to each thread mutant's counterexample (every catalogue mutant
//     whose focus has threads: one per interleaving point at least) under
//     each schedule (uniform resume commands, PCT plans), medians over the
//     seeds: the mutant section above runs them uniform only.
// Knob: BENCH_THREADS=0 skips it (bench/run.ts).
import { MUTANTS } from '../models/mutants/catalogue.ts';
import type { Mutant } from '../models/mutants/mutant.ts';
import type { OpName, Step } from '../models/ops.ts';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { checkProposal } from '../src/check/check-proposal.ts';
import { explore } from '../src/explore/explore.ts';
import { asInWorker } from './as-in-worker.ts';
import { median } from './measure.ts';
import { mutantTarget } from './time-to-counterexample.ts';

const CHECK_RUNS = 2000;
const EXPLORE_DEPTH = 4;
/** The racing operations of properties/threads/explore-threads.test.ts: every op at depth 4 would take the better part of an hour. */
const EXPLORE_OPS: OpName[] = ['cpu_read', 'cpu_write', 'migrate_to_ram', 'migrate_device_range', 'device_read', 'memunmap_pages', 'fork', 'munmap'];
const FROM: Step[] = [
  { op: 'memremap_pages', args: { type: 'PRIVATE', owner: 'dmirror0', npages: 2 } },
  { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' } },
  { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 1 } },
  { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' } },
];

export interface ThreadsBench {
  readonly check: { readonly atomic: number; readonly threads: number; readonly ratio: number; readonly runs: number };
  readonly explore: {
    readonly depth: number;
    readonly states: number;
    readonly statesWithoutThreads: number;
    readonly transitions: number;
    readonly statesPerSecond: number;
    readonly verdict: string;
    /** The same search partial-order reduced. */
    readonly reduced: { readonly states: number; readonly statesPerSecond: number; readonly seconds: number; readonly verdict: string };
    readonly seconds: number;
  };
  readonly race: readonly { readonly mutant: string; readonly schedule: 'uniform' | 'pct'; readonly found: number; readonly seeds: number; readonly medianMs: number; readonly medianSteps: number }[];
}

function checkRate(threads: boolean, seed: number): number {
  const r = asInWorker(() => checkProposal(resolveBuiltin('upstream'), { seed, runs: CHECK_RUNS, ...(threads ? { focus: { threads: true } } : {}) }));
  return r.commands / (r.elapsedMs / 1000);
}

/**
 * A race's search: five times the mutant's budget, at most RACE_RUNS runs —
 * the rare races' budgets (hook-flush-tlb-range 40,000, hook-gup-fast
 * 50,000) times five would keep a seed that misses them busy for minutes.
 */
const RACE_RUNS = 20_000;

function race(m: Mutant, schedule: 'uniform' | 'pct', seeds: readonly number[]): ThreadsBench['race'][number] {
  const t = mutantTarget(m);
  const runs = seeds.map((seed) =>
    asInWorker(() =>
      checkProposal(t.proposal, {
        invariants: t.checks,
        seed,
        runs: Math.min(t.runs * 5, RACE_RUNS),
        maxCommands: t.maxCommands,
        focus: { ...(t.focus ?? {}), threads: true, ...(schedule === 'pct' ? { schedule } : {}) },
      }),
    ),
  );
  const found = runs.filter((r) => r.counterexample !== undefined);
  const ms = runs.map((r) => (r.counterexample === undefined ? r.elapsedMs : r.counterexample.timing.msToFirst + r.counterexample.timing.shrinkMs));
  return { mutant: m.id, schedule, found: found.length, seeds: seeds.length, medianMs: median(ms), medianSteps: median(found.map((r) => r.counterexample?.steps.length ?? 0)) };
}

export function threadsBench(seeds: readonly number[], print: (line: string) => void = console.log): ThreadsBench {
  print('threads (issue 12)');
  const atomic = checkRate(false, 1);
  const threads = checkRate(true, 1);
  print(
    `  check upstream, ${CHECK_RUNS} runs: ${Math.round(atomic).toLocaleString('en-US')} commands/s atomic, ${Math.round(threads).toLocaleString('en-US')} with --threads (${(threads / atomic).toFixed(2)}×)`,
  );
  const options = { depth: EXPLORE_DEPTH, bounds: { pages: 2, procs: 2, devices: 1, values: 1, symmetry: true }, ops: EXPLORE_OPS, from: FROM, threads: true };
  const started = performance.now();
  const e = explore(resolveBuiltin('upstream'), options);
  const ms = performance.now() - started;
  const without = explore(resolveBuiltin('upstream'), { ...options, threads: false });
  const verdictOf = (r: typeof e) => (r.stop === 'complete' ? `complete to depth ${r.completeDepth}: no violation` : `${r.stop}${r.violation ? ` (${r.violation.finding.check})` : ''}`);
  const verdict = verdictOf(e);
  print(
    `  explore upstream --threads --no-por from two device-private pages, racing ops, depth ${EXPLORE_DEPTH}, pages 2: ${e.states.toLocaleString('en-US')} states (${without.states.toLocaleString('en-US')} without threads), ${Math.round(e.states / (ms / 1000)).toLocaleString('en-US')} states/s, ${(ms / 1000).toFixed(1)} s; ${verdict}`,
  );
  const reducedAt = performance.now();
  const p = explore(resolveBuiltin('upstream'), { ...options, por: true });
  const reducedMs = performance.now() - reducedAt;
  const reduced = { states: p.states, statesPerSecond: p.states / (reducedMs / 1000), seconds: reducedMs / 1000, verdict: verdictOf(p) };
  print(
    `  the same search partial-order reduced: ${p.states.toLocaleString('en-US')} states (${(e.states / p.states).toFixed(2)}× fewer), ${reduced.seconds.toFixed(1)} s (${(ms / reducedMs).toFixed(2)}× faster); ${reduced.verdict}${reduced.verdict === verdict ? '' : ' — NOT the unreduced verdict'}`,
  );
  const races = MUTANTS.filter((m) => m.focus?.threads === true).flatMap((m) => (['uniform', 'pct'] as const).map((s) => race(m, s, seeds)));
  for (const r of races) print(`  ${r.mutant}, ${r.schedule}: found ${r.found}/${r.seeds}, median ${Math.round(r.medianMs)} ms to a shrunk counterexample, median ${r.medianSteps} steps`);
  return {
    check: { atomic, threads, ratio: threads / atomic, runs: CHECK_RUNS },
    explore: {
      depth: EXPLORE_DEPTH,
      states: e.states,
      statesWithoutThreads: without.states,
      transitions: e.transitions,
      statesPerSecond: e.states / (ms / 1000),
      verdict,
      reduced,
      seconds: ms / 1000,
    },
    race: races,
  };
}

export function threadsMarkdown(t: ThreadsBench): string[] {
  return [
    '## Threads (issue 12)',
    '',
    `check upstream, ${t.check.runs} runs: ${Math.round(t.check.atomic)} commands/s atomic, ${Math.round(t.check.threads)} with \`--threads\` (${t.check.ratio.toFixed(2)}×).`,
    '',
    `explore upstream \`--threads --no-por\` from two device-private pages, racing ops, depth ${t.explore.depth}, pages 2: ${t.explore.states} states (${t.explore.statesWithoutThreads} without threads), ${Math.round(t.explore.statesPerSecond)} states/s, ${t.explore.seconds.toFixed(1)} s; ${t.explore.verdict}.`,
    '',
    `Partial-order reduced (the default): ${t.explore.reduced.states} states (${(t.explore.states / t.explore.reduced.states).toFixed(2)}× fewer), ${t.explore.reduced.seconds.toFixed(1)} s; ${t.explore.reduced.verdict}.`,
    '',
    '| thread mutant | schedule | found | median ms to a shrunk counterexample | median steps |',
    '|---|---|---|---|---|',
    ...t.race.map((r) => `| ${r.mutant} | ${r.schedule} | ${r.found}/${r.seeds} | ${Math.round(r.medianMs)} | ${r.medianSteps} |`),
    '',
  ];
}
