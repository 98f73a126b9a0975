// Small arbitraries the commands are generated from. Everything is an index
// or a choice among a few values: resolved against live handles at run time
// (handles.ts), shrinking towards 0 / the first choice, which is the oldest
// handle and the most common case.
import fc from 'fast-check';
import type { Era } from '../../models/eras/era.ts';
import type { MemoryType, MmapKind, Prot } from '../../models/vocabulary.ts';
import type { VpnPreference } from './handles.ts';
import { eraTypes } from './handles.ts';
import { MAP_BY } from '../../models/map-by.ts';

/** An index into a list of live handles; small lists, so a small range. */
export const index = (): fc.Arbitrary<number> => fc.nat({ max: 7 });

/** Range operations: 1–4 pages, one page most often (HMM selftests use few). */
export const npages = (): fc.Arbitrary<number> => fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 2 });

/** Two devices, as the HMM selftests' two dmirror instances. */
export const OWNERS = ['dmirror0', 'dmirror1'] as const;
export const owner = (): fc.Arbitrary<string> => fc.constantFrom(...OWNERS);

export const prefer = (): fc.Arbitrary<VpnPreference> =>
  fc.oneof({ arbitrary: fc.constant<VpnPreference>('mapped'), weight: 3 }, { arbitrary: fc.constant<VpnPreference>('device'), weight: 2 }, { arbitrary: fc.constant<VpnPreference>('any'), weight: 1 });

/** A page of data: small distinct-ish values so a lost write shows. */
export const value = (): fc.Arbitrary<number> => fc.integer({ min: 1, max: 99 });

export const prot = (): fc.Arbitrary<Prot> =>
  fc.oneof({ arbitrary: fc.constant<Prot>('write'), weight: 4 }, { arbitrary: fc.constant<Prot>('read'), weight: 2 }, { arbitrary: fc.constant<Prot>('none'), weight: 1 });

/**
 * Mostly anonymous memory; DAX mappings as often as anonymous ones when the
 * era (as the generator sees it: focus.ts may narrow it) has only DAX-kind
 * memory types — the only way such memory reaches a process.
 */
export const mmapKind = (era: Era): fc.Arbitrary<MmapKind> => {
  const types = eraTypes(era);
  const daxOnly = types.length > 0 && types.every((t) => MAP_BY[t] === 'dax-mmap');
  return fc.oneof(
    { arbitrary: fc.constant<MmapKind>('anon'), weight: 6 },
    { arbitrary: fc.constant<MmapKind>('shmem'), weight: 1 },
    { arbitrary: fc.constant<MmapKind>('file'), weight: 1 },
    { arbitrary: fc.constant<MmapKind>('dax'), weight: daxOnly ? 6 : 1 },
  );
};

/** true with probability weightTrue / (weightTrue + weightFalse). */
export const biased = (weightTrue: number, weightFalse: number): fc.Arbitrary<boolean> =>
  fc.oneof({ arbitrary: fc.constant(true), weight: weightTrue }, { arbitrary: fc.constant(false), weight: weightFalse });

// The types the seeds are about come first and most often; the era decides
// which exist, so a proposal never wastes runs on a type it does not have.
const TYPE_WEIGHT: Readonly<Record<MemoryType, number>> = {
  PRIVATE: 4,
  COHERENT: 4,
  PUBLIC: 4,
  FS_DAX: 1,
  GENERIC: 1,
  PCI_P2PDMA: 1,
  HOST: 1,
};

export function memoryType(era: Era): fc.Arbitrary<MemoryType> {
  const types = eraTypes(era).sort((a, b) => TYPE_WEIGHT[b] - TYPE_WEIGHT[a]);
  if (types.length === 0) return fc.constant<MemoryType>('PRIVATE');
  return fc.oneof(...types.map((t) => ({ arbitrary: fc.constant(t), weight: TYPE_WEIGHT[t] })));
}
