// The reference's view: counters derived from the abstract state and the era,
// never stored (DESIGN §3). Derived afresh, or from the view of the state a
// step started from: then only the frames the step touched are derived
// again, the others keep their counters (a frame's counters read its record
// and its users alone, expected-counters.ts).
import type { Era } from '../eras/era.ts';
import type { AbsFrame, AbsState } from '../state.ts';
import type { FrameCounters, View } from '../view.ts';
import type { Pfn, PgmapId } from '../vocabulary.ts';
import { expectedLru, expectedMemcgUsage, expectedPgmapRef, expectedRefcount } from './expected-counters.ts';
import { type FrameUsers, NO_USERS, frameUsers, settledFrameUsers } from './frame-users.ts';

/**
 * The view a step started from, and every frame whose record or users
 * (PTEs, GUP references, pins naming it) differ between that view's state
 * and this one, including frames added or removed.
 */
export interface DeriveFrom {
  readonly view: View;
  readonly touched: readonly Pfn[];
}

const countersOf = (era: Era, frame: AbsFrame, u: FrameUsers): FrameCounters => ({
  refcount: expectedRefcount(era, frame, u),
  mapcount: u.maps,
  pincount: u.pins,
  lru: expectedLru(frame),
});

function allCounters(era: Era, state: AbsState): Record<Pfn, FrameCounters> {
  const users = settledFrameUsers(state);
  const counters: Record<Pfn, FrameCounters> = {};
  for (const frame of Object.values(state.frames)) counters[frame.pfn] = countersOf(era, frame, users.get(frame.pfn) ?? NO_USERS);
  return counters;
}

function touchedCounters(era: Era, state: AbsState, from: DeriveFrom): Record<Pfn, FrameCounters> {
  const counters: Record<Pfn, FrameCounters> = { ...from.view.counters };
  const users = frameUsers(state, new Set(from.touched));
  for (const pfn of from.touched) {
    const frame = state.frames[pfn];
    if (frame === undefined) delete counters[pfn];
    else counters[pfn] = countersOf(era, frame, users.get(pfn) ?? NO_USERS);
  }
  return counters;
}

export function deriveView(era: Era, state: AbsState, from?: DeriveFrom): View {
  const counters = from === undefined ? allCounters(era, state) : touchedCounters(era, state, from);
  const pgmapRefs: Record<PgmapId, number> = {};
  for (const [id, pgmap] of Object.entries(state.pgmaps) as [PgmapId, AbsState['pgmaps'][PgmapId]][]) {
    pgmapRefs[id] = expectedPgmapRef(era, state, pgmap);
  }
  return { era, state, counters, pgmapRefs, memcgUsage: expectedMemcgUsage(state) };
}
