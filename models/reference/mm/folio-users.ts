// Who holds a frame, and whether any of it counts as a user for the era
// (models/derive/frame-users.ts is the single source of "users").
import type { Era } from '../../eras/era.ts';
import { type FrameUsers, NO_USERS, frameUsers } from '../../derive/frame-users.ts';
import type { AbsFrame, AbsState } from '../../state.ts';
import { typeRules } from '../../type-rules.ts';
import type { Pfn } from '../../vocabulary.ts';

export function usersOf(state: AbsState, pfn: Pfn): FrameUsers {
  return frameUsers(state, new Set([pfn])).get(pfn) ?? NO_USERS;
}

/**
 * Users that hold a page reference: mappings when the era's PTEs take one
 * (a devmap-era DAX PTE does not: docs §0 "Freeing"), FOLL_GET references,
 * pins, page-cache membership and leaks.
 */
export function hasCountedUsers(era: Era, frame: AbsFrame, u: FrameUsers): boolean {
  const maps = typeRules(frame.type).refcount(era).mapsTakeRef ? u.maps : 0;
  return maps + u.refs + u.pins + u.pagecache > 0;
}

/** Unexpected references for migration: FOLL_GET refs, pins and leaks (docs §0 "The refcount check"). */
export function hasNoUnexpectedRefs(u: FrameUsers): boolean {
  return u.refs === 0 && u.pins === 0;
}
