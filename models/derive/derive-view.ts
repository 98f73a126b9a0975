// The reference's view: counters derived from the abstract state and the era,
// never stored (DESIGN §3).
import type { Era } from '../eras/era.ts';
import type { AbsState } from '../state.ts';
import type { FrameCounters, View } from '../view.ts';
import type { Pfn, PgmapId } from '../vocabulary.ts';
import { expectedLru, expectedMemcgUsage, expectedPgmapRef, expectedRefcount } from './expected-counters.ts';
import { NO_USERS, settledFrameUsers } from './frame-users.ts';

export function deriveView(era: Era, state: AbsState): View {
  const users = settledFrameUsers(state);
  const counters: Record<Pfn, FrameCounters> = {};
  for (const frame of Object.values(state.frames)) {
    const u = users.get(frame.pfn) ?? NO_USERS;
    counters[frame.pfn] = {
      refcount: expectedRefcount(era, frame, u),
      mapcount: u.maps,
      pincount: u.pins,
      lru: expectedLru(frame),
    };
  }
  const pgmapRefs: Record<PgmapId, number> = {};
  for (const [id, pgmap] of Object.entries(state.pgmaps) as [PgmapId, AbsState['pgmaps'][PgmapId]][]) {
    pgmapRefs[id] = expectedPgmapRef(era, state, pgmap);
  }
  return { era, state, counters, pgmapRefs, memcgUsage: expectedMemcgUsage(state) };
}
