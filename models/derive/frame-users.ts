// Who uses a frame, read off the abstract state: the facts every counter is
// derived from (KERNEL-SEMANTICS §2, §10).
import type { AbsState } from '../state.ts';
import type { Pfn } from '../vocabulary.ts';

export interface FrameUsers {
  /** PTEs mapping it: present, present-devmap, device-private, device-exclusive. */
  readonly maps: number;
  /** FOLL_GET references (get_user_pages). */
  readonly refs: number;
  /** FOLL_PIN pins, short-term and long-term. */
  readonly pins: number;
  readonly longtermPins: number;
  /** 1 when the page cache holds it. */
  readonly pagecache: number;
}

/**
 * Users of every frame at once, or of the frames `only` names: one pass over
 * the state either way (a step's derivation asks for the frames it touched).
 */
export function frameUsers(state: AbsState, only?: ReadonlySet<Pfn>): Map<Pfn, FrameUsers> {
  const acc = new Map<Pfn, { maps: number; refs: number; pins: number; longtermPins: number; pagecache: number }>();
  for (const pfn of only ?? (Object.keys(state.frames) as unknown as Pfn[])) {
    const frame = state.frames[pfn];
    if (frame !== undefined) acc.set(frame.pfn, { maps: 0, refs: 0, pins: 0, longtermPins: 0, pagecache: frame.file === null ? 0 : 1 });
  }
  const get = (pfn: Pfn) => {
    let u = acc.get(pfn);
    if (!u && (only === undefined || only.has(pfn))) acc.set(pfn, (u = { maps: 0, refs: 0, pins: 0, longtermPins: 0, pagecache: 0 }));
    return u;
  };
  for (const proc of Object.values(state.procs)) {
    for (const pte of Object.values(proc.ptes)) {
      if (pte.kind === 'hwpoison') continue;
      const u = get(pte.pfn);
      if (u) u.maps++;
    }
  }
  for (const ref of Object.values(state.refs)) {
    const u = get(ref.pfn);
    if (u) u.refs++;
  }
  for (const pin of Object.values(state.pins)) {
    const u = get(pin.pfn);
    if (!u) continue;
    u.pins++;
    if (pin.longterm) u.longtermPins++;
  }
  return acc;
}

export const NO_USERS: FrameUsers = { maps: 0, refs: 0, pins: 0, longtermPins: 0, pagecache: 0 };

const settled = new WeakMap<AbsState, Map<Pfn, FrameUsers>>();

/**
 * frameUsers of a state nobody mutates any more (a step's outcome, a kernel
 * abstraction, a view's state), computed once: the view and each invariant
 * ask for it on every step. Never call it on a draft the reference is still
 * changing.
 */
export function settledFrameUsers(state: AbsState): Map<Pfn, FrameUsers> {
  let users = settled.get(state);
  if (!users) settled.set(state, (users = frameUsers(state)));
  return users;
}
