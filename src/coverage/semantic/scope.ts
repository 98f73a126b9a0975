// The cells each coverage class asks for, under one era (as the generator
// sees it: --types narrows its memory types). `check
// --min-semantic-coverage CLASS` fails when a cell of the class was never
// reached. A cell the era cannot reach is not asked for — the tables still
// show it, marked not applicable:
// - ops: every operation succeeded at least once (but migrations without
//   migratable memory, migrate_device_range before v6.1,
//   make_device_exclusive/check_exclusive before v5.14);
// - op-types: every operation about a frame or pgmap ran (any outcome) on
//   each memory type of the era it can be about (subject.ts says which type
//   a step is about; `domain` below which it can be);
// - hooks: every hook was called (but the ones whose only callers are a
//   feature the era or its memory types lack: charge moving, device-
//   exclusive entries, FOLL_LONGTERM, ...);
// - invariants: every invariant checked applied at least once (but
//   memcg-target without charge moving, coherent-evictable without
//   coherent memory);
// - pte-transitions: every PTE kind the era installs was entered from
//   another kind and left for another;
// - interleavings: a thread paused at every interleaving point its era's
//   memory can reach (models/kernel/interleaving-points.ts) and was resumed
//   from it — only `check --threads` starts threads, so a run without it
//   reaches none.
import type { Era } from '../../../models/eras/era.ts';
import type { InvariantId } from '../../../models/invariants/invariant.ts';
import { HOOK_NAMES, type HookName } from '../../../models/kernel/hooks.ts';
import { OP_NAMES, type OpName } from '../../../models/ops.ts';
import { PTE_KINDS, type FrameType, type MemoryType, type PteKind } from '../../../models/vocabulary.ts';
import { match } from 'ts-pattern';
import { eraTypes } from '../../check/handles.ts';
import { INTERLEAVING_POINTS, type InterleavingLabel } from '../../../models/kernel/interleaving-points.ts';

export const COVERAGE_CLASSES = ['ops', 'op-types', 'hooks', 'invariants', 'pte-transitions', 'interleavings'] as const;
export type CoverageClass = (typeof COVERAGE_CLASSES)[number];

export const CLASS_MEANING: Readonly<Record<CoverageClass, string>> = {
  ops: 'every operation the era has succeeded at least once',
  'op-types': 'every operation about a frame or pgmap ran on each memory type of the era it can be about',
  hooks: 'every hook the era calls was called',
  invariants: 'every invariant checked applied (could have failed) at least once',
  'pte-transitions': 'every PTE kind the era installs was entered from another kind and left for another',
  interleavings: 'a thread paused at every interleaving point the era reaches and was resumed from it (check --threads)',
};

/** Per class, the cells asked for, in a stable order. */
export type Scope = Record<CoverageClass, string[]>;

export const opTypeCell = (op: string, type: string): string => `${op} × ${type}`;
export const enterCell = (kind: string): string => `→${kind}`;
export const leaveCell = (kind: string): string => `${kind}→`;

/**
 * How device memory of a type gets behind a process's address: the driver
 * migrates anonymous memory into it (lib/test_hmm.c dmirror_migrate), or a
 * dax mmap maps its pages (PCI_P2PDMA only where p2pmem_alloc_mmap exists).
 */
const reachedBy = (type: MemoryType): 'migrate' | 'dax-mmap' =>
  match<MemoryType, 'migrate' | 'dax-mmap'>(type)
    .with('PRIVATE', 'COHERENT', 'PUBLIC', () => 'migrate')
    .with('FS_DAX', 'GENERIC', 'HOST', 'PCI_P2PDMA', () => 'dax-mmap')
    .exhaustive();
const migrated = (types: readonly MemoryType[]) => types.filter((t) => reachedBy(t) === 'migrate');
const daxMapped = (era: Era, types: readonly MemoryType[]) => types.filter((t) => reachedBy(t) === 'dax-mmap' && (t !== 'PCI_P2PDMA' || era.p2pdmaUserMap));

/** What each operation can be about, under the era (subject.ts reads it off the state; [] for the ones about no frame). */
function domain(era: Era, types: readonly MemoryType[]): Record<OpName, readonly FrameType[]> {
  const mappable: FrameType[] = ['SYSTEM', ...migrated(types), ...daxMapped(era, types)];
  const held = mappable.filter((t) => t !== 'PRIVATE' && t !== 'PCI_P2PDMA');
  const pgmaps = [...types];
  return {
    memremap_pages: pgmaps,
    memunmap_pages: pgmaps,
    migrate_to_device: migrated(types),
    migrate_to_ram: migrated(types),
    migrate_device_range: era.migrateDeviceRange ? migrated(types) : [],
    migrate_racing_fault: migrated(types),
    device_read: mappable,
    device_write: mappable,
    snapshot: mappable,
    make_device_exclusive: mappable,
    check_exclusive: mappable,
    mmap: daxMapped(era, types),
    munmap: mappable,
    mprotect: mappable,
    madvise_dontneed: mappable,
    cpu_read: mappable,
    cpu_write: mappable,
    fork: [],
    exit: [],
    fallocate_punch_hole: ['SYSTEM', ...daxMapped(era, types)],
    fsync: ['SYSTEM', ...daxMapped(era, types)],
    drop_caches: [],
    move_pages: mappable,
    get_user_pages: mappable,
    pin_user_pages: mappable,
    // GUP faults a device-private page back to RAM before it takes the
    // reference, and refuses PCI_P2PDMA memory: no handle holds either.
    put_page: held,
    unpin_user_page: held,
    mem_cgroup_create: [],
    mem_cgroup_move_task: [],
    memory_failure: mappable,
    fail_next_alloc: [],
  };
}

/** Operations that cannot succeed in the era: it has no such call, refuses every one, or has no memory it moves. */
export function opInEra(op: OpName, era: Era, types: readonly MemoryType[]): boolean {
  const migrates = migrated(types).length > 0;
  if (op === 'migrate_device_range') return era.migrateDeviceRange && migrates;
  if (op === 'migrate_to_device' || op === 'migrate_to_ram' || op === 'migrate_racing_fault') return migrates;
  if (op === 'make_device_exclusive' || op === 'check_exclusive') return era.deviceExclusive;
  return true;
}

/** Hooks whose only callers are a feature the era (or its memory types) lacks. */
function hookInEra(hook: HookName, era: Era, types: readonly MemoryType[]): boolean {
  switch (hook) {
    case 'get_mctgt_type':
      return era.chargeMoving; // charge moving is gone since v6.13
    case 'make_device_exclusive':
      return era.deviceExclusive;
    case 'hmm_is_device_private_entry':
      return types.includes('PRIVATE');
    case 'copy_nonpresent_pte':
      return types.includes('PRIVATE') || era.deviceExclusive;
    case 'migrate_vma_collect_pmd':
    case 'migrate_vma_check_page':
    case 'migrate_vma_insert_page':
    case 'migrate_device_pages':
      return migrated(types).length > 0;
    case 'folio_is_longterm_pinnable':
    case 'gup_longterm_unpinnable':
    case 'migrate_longterm_unpinnable_folios':
      return era.follLongterm; // v4.14 has no FOLL_LONGTERM
    case 'dax_layout_busy_page':
      return types.includes('FS_DAX');
    case 'unmap_and_kill':
      return daxMapped(era, types).length > 0;
    default:
      return true;
  }
}

/** Invariants whose premise the era cannot meet. */
function invariantInEra(id: InvariantId, era: Era, types: readonly MemoryType[]): boolean {
  if (id === 'memcg-target') return era.chargeMoving;
  if (id === 'coherent-evictable') return types.includes('COHERENT') || types.includes('PUBLIC');
  return true;
}

/**
 * PTE kinds the era installs between steps ('migration' only while a
 * migration thread is paused, so it is not asked for): pte_devmap for
 * v4.14 PUBLIC and for DAX before the fs/dax series, device-private
 * entries for MEMORY_DEVICE_PRIVATE, device-exclusive entries from v5.14;
 * present and hwpoison entries always.
 */
function kindsOf(era: Era, types: readonly MemoryType[]): PteKind[] {
  const devmap = types.includes('PUBLIC') || (era.daxRefcount === 'devmap' && daxMapped(era, types).length > 0);
  return PTE_KINDS.filter((k) => {
    if (k === 'none' || k === 'migration') return false;
    if (k === 'present-devmap') return devmap;
    if (k === 'device-private') return types.includes('PRIVATE');
    if (k === 'device-exclusive') return era.deviceExclusive;
    return true;
  });
}

/** The cells asked for under `era` (the generator's: --types applied) when `invariants` are checked. */
export function scopeOf(era: Era, invariants: readonly InvariantId[]): Scope {
  const types = eraTypes(era);
  const d = domain(era, types);
  const ops = OP_NAMES.filter((op) => opInEra(op, era, types));
  return {
    ops,
    'op-types': OP_NAMES.flatMap((op) => d[op].map((t) => opTypeCell(op, t))),
    hooks: HOOK_NAMES.filter((h) => hookInEra(h, era, types)),
    invariants: invariants.filter((id) => invariantInEra(id, era, types)),
    'pte-transitions': kindsOf(era, types).flatMap((k) => [enterCell(k), leaveCell(k)]),
    // do_swap_page's point is on a device-private entry: eras with MEMORY_DEVICE_PRIVATE; finalize's needs memory the driver migrates into.
    interleavings: (Object.keys(INTERLEAVING_POINTS) as InterleavingLabel[]).filter((label) =>
      match(label)
        .with('do_swap_page: pte_unmap_unlock', () => types.includes('PRIVATE'))
        .with('migrate_device_finalize: folio_putback_lru', () => migrated(types).length > 0)
        // collect's clears a present PTE: system RAM to the device, or a COHERENT page back.
        .with('migrate_vma_collect_pmd: pte_unmap_unlock', () => migrated(types).length > 0)
        // setup's unmaps a page another process maps too: any page the driver migrates.
        .with('migrate_vma_setup: migrate_device_unmap', () => migrated(types).length > 0)
        // memory_failure's is on any ZONE_DEVICE pfn.
        .with('memory_failure: get_dev_pagemap', () => types.length > 0)
        // Fast GUP's is on any present page, system RAM included: every era.
        .with('gup_fast_pte_range: ptep_get_lockless', () => true)
        // fork's on any anon page it shares: every era.
        .with('copy_present_ptes: folio_try_dup_anon_rmap_pte', () => true)
        // memunmap_pages' is on any pgmap: every era with a ZONE_DEVICE type.
        .with('memunmap_pages: wait_for_completion', () => types.length > 0)
        // The long-term pin's retry after migrating a MEMORY_DEVICE_COHERENT page (since v6.0).
        .with(
          '__gup_longterm_locked: migrate_longterm_unpinnable_folios',
          () => era.follLongterm && types.includes('COHERENT') && (era.longtermCoherent === 'migrate' || era.longtermCoherent === 'migrate-or-fail'),
        )
        // The final put of a device page with a per-allocation pgmap reference (since v6.1).
        .with('free_zone_device_folio: page_free', () => era.pgmapRef === 'per-alloc' && (types.includes('COHERENT') || types.includes('PRIVATE')))
        .exhaustive(),
    ),
  };
}

/** Several jobs' scopes: a cell is asked for when some job's era asks for it. */
export function unionScope(scopes: readonly Scope[]): Scope {
  const out = {} as Scope;
  for (const c of COVERAGE_CLASSES) {
    const seen = new Set<string>();
    for (const s of scopes) for (const cell of s[c]) seen.add(cell);
    out[c] = [...seen];
  }
  return out;
}
