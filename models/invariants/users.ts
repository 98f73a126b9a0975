// Who uses each frame, counted by the judges themselves from the abstract
// state (never from the reference's derivation): mappings, FOLL_GET
// references, FOLL_PIN pins, page-cache membership. Computed once per state.
import type { AbsState } from '../state.ts';
import type { Pfn } from '../vocabulary.ts';

export interface Users {
  /** PTEs mapping it: present, present-devmap, device-private, device-exclusive (not hwpoison). */
  readonly maps: number;
  readonly refs: number;
  readonly pins: number;
  readonly longtermPins: number;
  /** folio->mapping names a file: it is in that file's page cache. */
  readonly pagecache: boolean;
}

export const NOBODY: Users = { maps: 0, refs: 0, pins: 0, longtermPins: 0, pagecache: false };

const cache = new WeakMap<AbsState, ReadonlyMap<Pfn, Users>>();

export function usersOf(state: AbsState): ReadonlyMap<Pfn, Users> {
  const cached = cache.get(state);
  if (cached) return cached;
  const acc = new Map<Pfn, { maps: number; refs: number; pins: number; longtermPins: number; pagecache: boolean }>();
  const at = (pfn: Pfn) => {
    let u = acc.get(pfn);
    if (!u) acc.set(pfn, (u = { ...NOBODY }));
    return u;
  };
  for (const frame of Object.values(state.frames)) if (frame.file !== null) at(frame.pfn).pagecache = true;
  for (const proc of Object.values(state.procs)) for (const pte of Object.values(proc.ptes)) if (pte.kind !== 'hwpoison') at(pte.pfn).maps++;
  for (const ref of Object.values(state.refs)) at(ref.pfn).refs++;
  for (const pin of Object.values(state.pins)) {
    const u = at(pin.pfn);
    u.pins++;
    if (pin.longterm) u.longtermPins++;
  }
  cache.set(state, acc);
  return acc;
}

export const users = (state: AbsState, pfn: Pfn): Users => usersOf(state).get(pfn) ?? NOBODY;

export const usersText = (u: Users): string => `maps ${u.maps}, refs ${u.refs}, pins ${u.pins} (long-term ${u.longtermPins}), page cache ${u.pagecache ? 'yes' : 'no'}`;
