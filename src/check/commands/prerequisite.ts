// When a command finds no handle to act on, it performs the step that would
// create one instead of being skipped: no VMA → mmap, no device pgmap →
// memremap_pages. Early in a sequence most commands would otherwise be
// skipped (a fresh process has no VMA), which wastes runs and lengthens the
// sequences a bug needs. The step prints as what it did, so a
// counterexample still reads as the calls that ran.
import type { Era } from '../../../models/eras/era.ts';
import type { Step } from '../../../models/ops.ts';
import type { AbsState } from '../../../models/state.ts';
import type { MemoryType } from '../../../models/vocabulary.ts';
import { step } from '../command-spec.ts';
import { OWNERS } from '../choices.ts';
import { eraTypes, liveProcs, pick } from '../handles.ts';
import { MAP_BY } from '../../../models/map-by.ts';

/** An anonymous private read-write mapping for the chosen process. */
export function mmapFirst(s: AbsState, procIndex: number, npages: number): Step | undefined {
  const proc = pick(liveProcs(s), procIndex);
  return proc && step('mmap', { proc, npages, kind: 'anon', shared: false, prot: 'write' });
}

/** A pgmap pages can migrate into: the era's device types, the chosen one when it is one. */
export function memremapFirst(era: Era, typeIndex: number, ownerIndex: number): Step | undefined {
  const types = eraTypes(era).filter((t: MemoryType) => MAP_BY[t] === 'migrate');
  const type = pick(types, typeIndex);
  const owner = OWNERS[ownerIndex % OWNERS.length] ?? OWNERS[0];
  return type && step('memremap_pages', { type, owner, npages: 4 });
}
