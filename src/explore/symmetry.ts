// Symmetry reductions of `zdspec explore`: handles that no part of the state
// tells apart are interchangeable, so a step need only try one of them. Each
// is of the "fresh token" kind, which needs no canonical relabelling of
// states: among the values (owners, memcgs) the current state does not hold,
// only the first is tried. Sound because the models treat these as opaque
// tokens — copied, stored and compared for equality, never ordered or
// computed with — and every invariant does the same: for any full path there
// is a renaming of the absent tokens (which fixes the current state) that
// turns its next step into the one tried, so every reachable state is reached
// up to renaming, with the same verdicts.
// properties/explore/symmetry.test.ts compares reduced and unreduced searches.
import type { AbsState } from '../../models/state.ts';
import type { MemcgId } from '../../models/vocabulary.ts';

/** The tokens in `all` the state holds, then the first one it does not. */
export function presentThenFresh<T>(all: readonly T[], present: ReadonlySet<T>): T[] {
  const held = all.filter((t) => present.has(t));
  const fresh = all.find((t) => !present.has(t));
  return fresh === undefined ? held : [...held, fresh];
}

/** Data values anywhere in the state: frames, ghost records, file storage. */
export function valuesHeld(s: AbsState): Set<number> {
  const out = new Set<number>();
  for (const f of Object.values(s.frames)) out.add(f.data);
  for (const p of Object.values(s.procs)) for (const v of Object.values(p.written)) out.add(v);
  for (const f of Object.values(s.files)) {
    for (const v of Object.values(f.written)) out.add(v);
    for (const v of Object.values(f.stored)) out.add(v);
  }
  return out;
}

/** Device owners the state names: pgmaps' owners and device-exclusive entries'. */
export function ownersHeld(s: AbsState): Set<string> {
  const out = new Set<string>();
  for (const pg of Object.values(s.pgmaps)) out.add(pg.owner);
  for (const p of Object.values(s.procs)) for (const pte of Object.values(p.ptes)) if (pte.owner !== undefined) out.add(pte.owner);
  return out;
}

/** memcgs besides the root that some process is in or some frame is charged to. */
export function memcgsHeld(s: AbsState): Set<MemcgId> {
  const out = new Set<MemcgId>(['m0']);
  for (const p of Object.values(s.procs)) out.add(p.memcg);
  for (const f of Object.values(s.frames)) if (f.memcg !== null) out.add(f.memcg);
  return out;
}
