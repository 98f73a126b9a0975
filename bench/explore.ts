// The bench's explore section (issue 11's `zdspec explore`), in the bench's
// process:
//   - throughput: distinct states/s and transitions/s of explore on upstream
//     at the issue's bounds (pages 2, procs 2, devices 2, values 1, symmetry
//     on), stopped by a state cap; tinybench samples, median (measure.ts).
//     Target from issue 11: ≥ 200,000 distinct states/s on one core. The
//     memory runs below have already run this very search, so the samples
//     take no extra warm-up.
//   - memory per stored state, hashed and exact keys, same bounds and cap:
//     the heap the search holds (after a full GC, at every progress call,
//     from a GC'd start; the last call's bytes over its states), and the
//     seen-state set's own bytes over the states. GC comes from global.gc
//     (node --expose-gc) or else from V8's flag set at run time; without
//     either it is explore's own figure (peak heapUsed growth, garbage and
//     all), and the report says so.
//   - coherent-v1 at DEFAULT_BOUNDS (src/explore/bounds.ts), depth 6, every
//     operation: time to its shortest counterexample and its length
//     (expected: no-longterm-pin-coherent in 4 steps). One run (20-40 s here).
//   - symmetry: upstream at depth 2, pages 1, procs 2, devices 2, values 2,
//     with the reductions on and off: distinct states and transitions, and
//     that the verdicts agree.
// About 80 s at the defaults on this 2-core machine, busy (~70 s of CPU);
// a stored state costs 0.5-0.9 ms here, so the cap sets most of it.
//
// Knobs (read by bench/run.ts): BENCH_EXPLORE=0 skips the section;
// BENCH_EXPLORE_STATES (the throughput and memory searches' --max-states,
// default 15000: below 32,768 states the hashed set is its first 512 KB
// table); BENCH_EXPLORE_SAMPLES (throughput samples, default 2). Not in the
// run's `settings` (a baseline without them would read as other settings).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveBuiltin } from '../models/proposals/resolve-proposal.ts';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../src/explore/bounds.ts';
import { describeBounds } from '../src/explore/describe-bounds.ts';
import { explore, type ExploreOptions, type ExploreResult, type ExploreStop } from '../src/explore/explore.ts';
import { type Measured, measure } from './measure.ts';

export const EXPLORE_STATES_TARGET = 200_000;
/** Issue 11's bounds for the rate target. */
export const ISSUE_BOUNDS: ExploreBounds = { pages: 2, procs: 2, devices: 2, values: 1, symmetry: true };
const COHERENT_DEPTH = 6;
const SYMMETRY_DEPTH = 2;
const SYMMETRY_BOUNDS: Omit<ExploreBounds, 'symmetry'> = { pages: 1, procs: 2, devices: 2, values: 2 };

export interface ExploreSettings {
  readonly states: number;
  readonly samples: number;
}

/** How a search ended, without its steps. */
export interface ExploreOutcome {
  readonly states: number;
  readonly transitions: number;
  readonly ms: number;
  readonly stop: ExploreStop;
  readonly completeDepth: number;
  readonly frontier: readonly number[];
  readonly check?: string;
  readonly steps?: number;
}

export interface MemoryPerState {
  readonly states: number;
  /** Heap held by the search (GC'd), over the states it held then. */
  readonly heapBytes: number;
  readonly heapBytesPerState: number;
  /** The seen-state set's own bytes, over the states. */
  readonly seenBytes: number;
  readonly seenBytesPerState: number;
}

export interface ExploreBench {
  readonly settings: ExploreSettings;
  /** The whole section's wall time. */
  readonly seconds: number;
  readonly bounds: ExploreBounds;
  readonly throughput: Measured & { readonly transitions: number; readonly transitionsPerSecond: number; readonly outcome: ExploreOutcome };
  /** 'gc': heap after a full GC; 'peak': explore's own heapUsed growth (no GC was to be had). */
  readonly memory: { readonly heap: 'gc' | 'peak'; readonly hashed: MemoryPerState; readonly exact: MemoryPerState };
  readonly coherentV1: ExploreOutcome & { readonly bounds: ExploreBounds; readonly depth: number; readonly ops: readonly string[] };
  readonly symmetry: {
    readonly depth: number;
    readonly bounds: Omit<ExploreBounds, 'symmetry'>;
    readonly on: ExploreOutcome;
    readonly off: ExploreOutcome;
    readonly sameVerdict: boolean;
    /** States with symmetry / without. */
    readonly stateRatio: number;
  };
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const symmetryBounds = (b: Omit<ExploreBounds, 'symmetry'>): string => `pages ${b.pages}, procs ${b.procs}, devices ${b.devices}, values ${b.values}`;

export function outcome(r: ExploreResult): ExploreOutcome {
  const v = r.violation;
  return {
    states: r.states,
    transitions: r.transitions,
    ms: r.elapsedMs,
    stop: r.stop,
    completeDepth: r.completeDepth,
    frontier: r.frontier,
    ...(v === undefined ? {} : { check: v.finding.check, steps: v.steps.length }),
  };
}

/** A full GC: node --expose-gc's, else one from V8's flag set at run time (the flag only adds the function). */
function gcFunction(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

function memoryPerState(options: ExploreOptions, gc: (() => void) | undefined): MemoryPerState {
  let held = { states: 0, bytes: 0 };
  gc?.();
  const base = process.memoryUsage().heapUsed;
  const r = explore(resolveBuiltin('upstream'), {
    ...options,
    progressEvery: 4000,
    // Inside the search, everything it stores is live: collect the rest.
    onProgress: (p) => {
      if (gc === undefined) return;
      gc();
      held = { states: p.states, bytes: process.memoryUsage().heapUsed - base };
    },
  });
  if (gc === undefined || held.states === 0) held = { states: r.states, bytes: r.heapBytes };
  return {
    states: held.states,
    heapBytes: held.bytes,
    heapBytesPerState: held.bytes / held.states,
    seenBytes: r.seenBytes,
    seenBytesPerState: r.seenBytes / r.states,
  };
}

/** Runs the section, printing each line as it is measured. */
export function exploreBench(settings: ExploreSettings, print: (line: string) => void = console.log): ExploreBench {
  const started = performance.now();
  const upstream = resolveBuiltin('upstream');
  const capped: ExploreOptions = { depth: 1000, bounds: ISSUE_BOUNDS, maxStates: settings.states };
  print(`explore upstream, ${describeBounds(ISSUE_BOUNDS)}, --max-states ${n(settings.states)}`);

  // A short search first, so the memory runs do not count explore's code being compiled.
  explore(upstream, { ...capped, maxStates: Math.min(2000, settings.states) });
  const gc = gcFunction();
  const hashed = memoryPerState(capped, gc);
  const exact = memoryPerState({ ...capped, exact: true }, gc);
  const memRow = (name: string, m: MemoryPerState) =>
    print(
      `  memory, ${name.padEnd(14)} ${n(m.heapBytesPerState).padStart(7)} heap bytes/state (${(m.heapBytes / 2 ** 20).toFixed(1)} MB at ${n(m.states)} states), seen set ${n(m.seenBytesPerState)} bytes/state`,
    );

  let last: ExploreResult | undefined;
  const rate = measure(
    'explore upstream, distinct states',
    () => {
      last = explore(upstream, capped);
      return last.states;
    },
    { samples: settings.samples, warmup: 0 },
  );
  if (last === undefined) throw new Error('bench explore: no search ran');
  const transitionsPerSecond = Math.round((last.transitions * 1000) / rate.medianMs);
  print(
    `  throughput      ${n(rate.perSecond).padStart(9)} states/s, ${n(transitionsPerSecond)} transitions/s  (${n(last.states)} states, ${n(last.transitions)} transitions, ${rate.medianMs.toFixed(0)} ms/sample ±${rate.rme.toFixed(1)}%, ${rate.samples} samples)`,
  );
  print(`  ${rate.perSecond >= EXPLORE_STATES_TARGET ? 'met ' : 'MISS'} distinct states/s on one core (issue 11): ${n(rate.perSecond)} (wanted ≥ ${n(EXPLORE_STATES_TARGET)})`);
  memRow('64-bit hashes', hashed);
  memRow('exact keys', exact);
  if (gc === undefined) print('  (no GC to be had: heap bytes are explore’s peak heapUsed growth, garbage included)');

  const coherent = explore(resolveBuiltin('coherent-v1'), { depth: COHERENT_DEPTH, bounds: DEFAULT_BOUNDS });
  const c = outcome(coherent);
  print(
    `explore coherent-v1, depth ${COHERENT_DEPTH}, ${describeBounds(DEFAULT_BOUNDS)}: ${c.stop === 'violation' ? `${c.check} in ${c.steps} steps` : `no violation (${c.stop})`} after ${(c.ms / 1000).toFixed(1)} s (${n(c.states)} states, ${n(c.transitions)} transitions)`,
  );

  const sym = (symmetry: boolean) => outcome(explore(upstream, { depth: SYMMETRY_DEPTH, bounds: { ...SYMMETRY_BOUNDS, symmetry } }));
  const on = sym(true);
  const off = sym(false);
  const sameVerdict = on.stop === off.stop && on.check === off.check && on.completeDepth === off.completeDepth;
  print(
    `explore upstream, depth ${SYMMETRY_DEPTH}, ${symmetryBounds(SYMMETRY_BOUNDS)}: symmetry on ${n(on.states)} states (${n(on.transitions)} transitions), off ${n(off.states)} (${n(off.transitions)}); ×${(on.states / off.states).toFixed(2)} states, verdicts ${sameVerdict ? 'same' : 'DIFFER'} (${on.stop} / ${off.stop})`,
  );

  const seconds = (performance.now() - started) / 1000;
  print(`  (explore section: ${seconds.toFixed(0)} s)`);
  return {
    settings,
    seconds,
    bounds: ISSUE_BOUNDS,
    throughput: { ...rate, transitions: last.transitions, transitionsPerSecond, outcome: outcome(last) },
    memory: { heap: gc === undefined ? 'peak' : 'gc', hashed, exact },
    coherentV1: { ...c, bounds: DEFAULT_BOUNDS, depth: COHERENT_DEPTH, ops: coherent.violation?.steps.map((s) => s.step.op) ?? [] },
    symmetry: { depth: SYMMETRY_DEPTH, bounds: SYMMETRY_BOUNDS, on, off, sameVerdict, stateRatio: on.states / off.states },
  };
}

/** The section of reports/bench.md. */
export function exploreMarkdown(e: ExploreBench): string[] {
  const mem = (name: string, m: MemoryPerState) => `| ${name} | ${n(m.heapBytesPerState)} | ${(m.heapBytes / 2 ** 20).toFixed(1)} MB at ${n(m.states)} | ${n(m.seenBytesPerState)} |`;
  const c = e.coherentV1;
  const s = e.symmetry;
  return [
    '## Explore (issue 11)',
    '',
    `upstream, ${describeBounds(e.bounds)}, --max-states ${n(e.settings.states)}: ${n(e.throughput.perSecond)} distinct states/s, ${n(e.throughput.transitionsPerSecond)} transitions/s (${n(e.throughput.units)} states, ${n(e.throughput.transitions)} transitions, ${e.throughput.medianMs.toFixed(0)} ms at the median of ${e.throughput.samples} samples, ±${e.throughput.rme.toFixed(1)}%).`,
    '',
    `| keys | heap bytes/state${e.memory.heap === 'gc' ? ' (after GC)' : ' (peak growth, no GC)'} | heap held | seen-set bytes/state |`,
    '| --- | ---: | ---: | ---: |',
    mem('64-bit hashes', e.memory.hashed),
    mem('exact', e.memory.exact),
    '',
    `coherent-v1, depth ${c.depth}, ${describeBounds(c.bounds)}: ${c.stop === 'violation' ? `${c.check} in ${c.steps} steps (${c.ops.join(', ')})` : `no violation (${c.stop})`}, ${(c.ms / 1000).toFixed(1)} s, ${n(c.states)} states, ${n(c.transitions)} transitions.`,
    '',
    `Symmetry (upstream, depth ${s.depth}, ${symmetryBounds(s.bounds)}): on ${n(s.on.states)} states / ${n(s.on.transitions)} transitions, off ${n(s.off.states)} / ${n(s.off.transitions)}; ×${s.stateRatio.toFixed(2)} states; verdicts ${s.sameVerdict ? 'the same' : '**differ**'} (${s.on.stop} / ${s.off.stop}).`,
    '',
  ];
}
