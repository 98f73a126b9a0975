// Counting semantic coverage during a check, on the kernel side only and
// without copies: the pair is wrapped so each step's (before, after) kernel
// views — which the pair computes anyway — are read once; the proposal's
// composed hooks are wrapped (inside guardHooks, which still validates and
// charges faults to the proposal) to count each decision; the commands
// drawn but skipped come from the checker's own per-command counters.
import type { InvariantId, Invariant } from '../../../models/invariants/invariant.ts';
import { INVARIANTS } from '../../../models/invariants/all.ts';
import type { HookName, Hooks } from '../../../models/kernel/hooks.ts';
import { isFailure, type OpResult } from '../../../models/ops.ts';
import type { ResolvedProposal } from '../../../models/proposals/proposal.ts';
import type { AbsState } from '../../../models/state.ts';
import type { Pair, PairOptions, PairStep } from '../../runner/pair-types.ts';
import { wrapPair } from '../../runner/wrap-pair.ts';
import type { CommandStats } from '../../check/stats.ts';
import { SKIPPED, bump, emptyCounts, type InvariantTally, type SemanticCounts, type Tally } from './counts.ts';
import { subjectOf } from './subject.ts';

export interface SemanticCollector {
  /** A pair like `make` builds, with the proposal's hooks and its kernel steps counted. */
  createPair(make: (proposal: ResolvedProposal, options: PairOptions) => Pair, proposal: ResolvedProposal, options: PairOptions): Pair;
  /** Commands drawn that resolved to nothing, or to a prerequisite step instead (stats.ts): 'skipped' under 'none'. */
  addSkips(stats: CommandStats): void;
  readonly counts: SemanticCounts;
}

interface Judge {
  readonly inv: Invariant;
  readonly tally: InvariantTally;
}

export const outcomeOf = (r: OpResult): string => (!isFailure(r) ? 'success' : 'errno' in r ? r.errno : r.signal);

export function createSemanticCollector(invariants: readonly Invariant[] = INVARIANTS): SemanticCollector {
  const counts = emptyCounts();
  const instrumented = new WeakMap<ResolvedProposal, ResolvedProposal>();
  const byId = new Map(invariants.map((i) => [i.id, i]));
  // Per invariant selection, each invariant with its tally (looked up once, not per step).
  const judged = new Map<string, Judge[]>();

  const instrument = (p: ResolvedProposal): ResolvedProposal => {
    let out = instrumented.get(p);
    if (out === undefined) instrumented.set(p, (out = { ...p, hooks: countHooks(p.hooks, p.overridden, counts.hooks) }));
    return out;
  };

  const judgedBy = (ids: readonly InvariantId[] | undefined): Judge[] => {
    const key = ids === undefined ? '*' : ids.join(',');
    let list = judged.get(key);
    if (list === undefined) {
      const selected = ids === undefined ? [...invariants] : ids.flatMap((id) => byId.get(id) ?? []);
      list = selected.map((inv) => ({ inv, tally: (counts.invariants[inv.id] ??= { evaluated: 0, applicable: 0 }) }));
      judged.set(key, list);
    }
    return list;
  };

  const record = (rec: PairStep, kernel: NonNullable<PairStep['kernel']>, judges: readonly Judge[]) => {
    const { step, before, after } = rec;
    counts.steps++;
    const row = (counts.ops[step.op] ??= {});
    bump((row[subjectOf(step, before.state)] ??= {}), outcomeOf(kernel.result));
    countPtes(before.state, after.state, counts.pte);
    const ctx = { op: step.op, args: step.args, result: kernel.result, events: kernel.events };
    for (const { inv, tally } of judges) {
      tally.evaluated++;
      if (inv.applies?.(after, before, ctx) === true) tally.applicable++;
    }
  };

  return {
    counts,
    createPair(make, proposal, options) {
      const pair = make(instrument(proposal), options);
      const judges = judgedBy(options.invariants);
      // Where each paused thread stopped: its resume goes on from there.
      const pausedAt = new Map<string, string>();
      return wrapPair(pair, (s) => {
        const rec = pair.step(s);
        if (rec.kernel !== undefined) record(rec, rec.kernel, judges);
        if (s.thread?.kind === 'resume' && rec.crash === undefined) {
          const at = pausedAt.get(s.thread.id);
          if (at !== undefined) bump((counts.interleavings[at] ??= {}), 'resumed');
          pausedAt.delete(s.thread.id);
        }
        if (rec.paused !== undefined && s.thread !== undefined) {
          bump((counts.interleavings[rec.paused] ??= {}), 'paused');
          pausedAt.set(s.thread.id, rec.paused);
        }
        return rec;
      });
    },
    addSkips(stats) {
      for (const [op, c] of Object.entries(stats) as [keyof CommandStats, CommandStats[keyof CommandStats]][]) {
        const n = c.skipped + c.substituted;
        if (n > 0) bump(((counts.ops[op] ??= {}).none ??= {}), SKIPPED, n);
      }
    },
  };
}

/** Every (proc, vpn) whose entry a step changed (kind, frame or write bit): before kind → after kind. */
export function countPtes(before: AbsState, after: AbsState, into: Record<string, Tally>): void {
  const b = before.procs as Readonly<Record<string, AbsState['procs'][`p${number}`]>>;
  const a = after.procs as Readonly<Record<string, AbsState['procs'][`p${number}`]>>;
  // A page table the step left alone is the same object on both sides (both models share what a step does not change): nothing to count in it.
  if (a === b) return;
  for (const id in b) {
    const p0 = b[id]!.ptes as Readonly<Record<string, AbsState['procs'][`p${number}`]['ptes'][number]>>;
    const p1 = a[id]?.ptes as Readonly<Record<string, AbsState['procs'][`p${number}`]['ptes'][number]>> | undefined;
    if (p0 === p1) continue;
    for (const vpn in p0) {
      const e0 = p0[vpn]!;
      const e1 = p1?.[vpn];
      if (e1 === undefined) bump((into[e0.kind] ??= {}), 'none');
      else if (e1.kind !== e0.kind || e1.pfn !== e0.pfn || e1.write !== e0.write) bump((into[e0.kind] ??= {}), e1.kind);
    }
  }
  for (const id in a) {
    const p0 = b[id]?.ptes as Readonly<Record<string, unknown>> | undefined;
    const p1 = a[id]!.ptes as Readonly<Record<string, AbsState['procs'][`p${number}`]['ptes'][number]>>;
    if (p0 === p1) continue;
    for (const vpn in p1) if (p0?.[vpn] === undefined) bump((into.none ??= {}), p1[vpn]!.kind);
  }
}

type AnyHook = (subject: unknown, ctx: unknown) => unknown;

/**
 * Each hook, counting its decisions. A hook only zdspec's own code decides
 * (the era's default, unless some level overrides it) returns plain data;
 * a proposal's may return anything (guardHooks reports a bad one), so its
 * value is described without running its code (no getters, no toJSON).
 */
export function countHooks(hooks: Hooks, overridden: readonly HookName[], into: Record<string, Tally>): Hooks {
  const out: Record<string, AnyHook> = {};
  for (const [name, hook] of Object.entries(hooks) as [HookName, AnyHook][]) {
    const row = (into[name] ??= {});
    const key = overridden.includes(name) ? foreignKey : ownKey;
    out[name] = (subject, ctx) => {
      const value = hook.call(hooks, subject, ctx);
      bump(row, key(value));
      return value;
    };
  }
  return out as unknown as Hooks;
}

function ownKey(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null) return String(v);
  return JSON.stringify(v);
}

function foreignKey(v: unknown): string {
  if (typeof v === 'symbol' || typeof v === 'function') return `<${typeof v}>`;
  if (typeof v !== 'object' || v === null) return ownKey(v);
  try {
    return plainData(v, 0) ? JSON.stringify(v) : '<object>';
  } catch {
    // A Proxy's trap threw: guardHooks judges the value itself.
    return '<object>';
  }
}

/** Arrays and plain objects of data properties, three levels deep at most. */
function plainData(v: object, depth: number): boolean {
  if (depth > 3) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null && !Array.isArray(v)) return false;
  for (const d of Object.values(Object.getOwnPropertyDescriptors(v))) {
    if (!('value' in d)) return false;
    const x: unknown = d.value;
    if (typeof x === 'function' || typeof x === 'symbol' || typeof x === 'bigint') return false;
    if (typeof x === 'object' && x !== null && !plainData(x, depth + 1)) return false;
  }
  return !('toJSON' in v);
}
