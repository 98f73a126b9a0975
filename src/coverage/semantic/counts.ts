// Semantic coverage: what a check run exercised, in the specification's
// terms rather than lines of code — each operation on each memory type with
// each outcome, each PTE-kind transition, each hook decision, and how often
// each invariant judged a state it could have failed on. Plain data: it is
// counted in a check worker and crosses postMessage to the main thread,
// which merges the jobs (merge.ts) and writes the reports.
import type { InvariantId } from '../../../models/invariants/invariant.ts';
import type { OpName } from '../../../models/ops.ts';
import { FRAME_TYPES, type FrameType } from '../../../models/vocabulary.ts';

/** What a step is about: the memory type of its frame (or pgmap), 'none' when there is no frame. */
export type Column = FrameType | 'none';
/** SYSTEM first, 'none' last. */
export const COLUMNS: readonly Column[] = [...FRAME_TYPES, 'none'];

/** 'success', an errno ('EBUSY'), a signal ('SIGBUS'), or 'skipped' (drawn, but resolved to nothing). */
export type Outcome = string;
export const SKIPPED = 'skipped';

/** A count per key. */
export type Tally = Record<string, number>;

export interface InvariantTally {
  /** Kernel-side states it was judged on. */
  evaluated: number;
  /** Of those, the states its `applies` premise held on: where it could have failed. */
  applicable: number;
}

export interface SemanticCounts {
  /** Steps the kernel model ran. */
  steps: number;
  /** op → column → outcome → count. */
  ops: Partial<Record<OpName, Partial<Record<Column, Tally>>>>;
  /** PTE kind before → kind after → count, for every (proc, vpn) a step changed ('none': no entry). */
  pte: Record<string, Tally>;
  /** hook → decision (stringified) → calls. */
  hooks: Record<string, Tally>;
  invariants: Partial<Record<InvariantId, InvariantTally>>;
  /** Interleaving point → 'paused' (a thread stopped there) / 'resumed' (and went on from there) → count (check --threads). */
  interleavings: Record<string, Tally>;
}

export const emptyCounts = (): SemanticCounts => ({ steps: 0, ops: {}, pte: {}, hooks: {}, invariants: {}, interleavings: {} });

export function bump(t: Tally, key: string, n = 1): void {
  t[key] = (t[key] ?? 0) + n;
}

/** Adds `from` into `into` (mutating it). */
export function addCounts(into: SemanticCounts, from: SemanticCounts): SemanticCounts {
  into.steps += from.steps;
  for (const [op, byColumn] of Object.entries(from.ops) as [OpName, Partial<Record<Column, Tally>>][]) {
    const row = (into.ops[op] ??= {});
    for (const [column, outcomes] of Object.entries(byColumn) as [Column, Tally][]) {
      const cell = (row[column] ??= {});
      for (const [outcome, n] of Object.entries(outcomes)) bump(cell, outcome, n);
    }
  }
  for (const [kind, to] of Object.entries(from.pte)) {
    const row = (into.pte[kind] ??= {});
    for (const [k, n] of Object.entries(to)) bump(row, k, n);
  }
  for (const [hook, decisions] of Object.entries(from.hooks)) {
    const row = (into.hooks[hook] ??= {});
    for (const [d, n] of Object.entries(decisions)) bump(row, d, n);
  }
  // Counts written before interleaving points were counted have none.
  for (const [point, t] of Object.entries(from.interleavings ?? {})) {
    const row = (into.interleavings[point] ??= {});
    for (const [k, n] of Object.entries(t)) bump(row, k, n);
  }
  for (const [id, t] of Object.entries(from.invariants) as [InvariantId, InvariantTally][]) {
    const row = (into.invariants[id] ??= { evaluated: 0, applicable: 0 });
    row.evaluated += t.evaluated;
    row.applicable += t.applicable;
  }
  return into;
}

/** Every outcome of one op × column cell but 'skipped': the times the step ran on such a frame. */
export function reached(cell: Tally | undefined): number {
  if (cell === undefined) return 0;
  let n = 0;
  for (const [outcome, c] of Object.entries(cell)) if (outcome !== SKIPPED) n += c;
  return n;
}

export const sum = (t: Tally | undefined): number => (t === undefined ? 0 : Object.values(t).reduce((a, b) => a + b, 0));
