// The reference applies an operation to a deep, mutable copy of the input
// state (a draft) and returns it: input states are never mutated.
import type { Era } from '../eras/era.ts';
import type { ZdEvent } from '../events.ts';
import type { AbsState } from '../state.ts';

/** A deep-mutable version of a (readonly) abstract-state type. */
export type Draft<T> = T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

/** What every step of the reference works on: the era, the draft state and the events it reports. */
export interface Ctx {
  readonly era: Era;
  readonly s: Draft<AbsState>;
  readonly events: ZdEvent[];
}

export function newCtx(era: Era, state: AbsState): Ctx {
  return { era, s: cloneState(state) as Draft<AbsState>, events: [] };
}

/** An independent copy of a context: used where the specification allows several outcomes. */
export function forkCtx(ctx: Ctx): Ctx {
  return { era: ctx.era, s: cloneState(ctx.s), events: [...ctx.events] };
}

/**
 * A deep copy of plain JSON-shaped data (the abstract state has no Maps,
 * Dates or cycles). Several times faster than structuredClone, and every
 * step of the reference starts with one.
 */
function cloneState<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneState) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    // Primitives inline (most fields of a state): a call per field was most of the cost.
    copy[key] = typeof v !== 'object' || v === null ? v : cloneState(v);
  }
  return copy as T;
}
