// The per-memory-type table: every decision the kernel makes by memory type,
// one row per type plus normal system RAM. `satisfies Record<FrameType, …>`
// makes a new memory type fail to compile until each decision covers it —
// the seeds' bug class is a new type forgotten in one switch.
//
// Era-dependent decisions are functions of the era profile (models/eras/).
import type { DaxRefcountModel, DeviceRefcountModel, Era } from './eras/era.ts';
import type { Errno, FrameType, McTarget } from './vocabulary.ts';

/** How a frame's refcount relates to its users (see refcountRule). */
export interface RefcountRule {
  /** Count of a free (idle) frame. */
  readonly idle: 0 | 1;
  /** Extra count an in-use frame carries on top of its users. */
  readonly base: 0 | 1;
  /** Each mapping (PTE) of the frame takes a page reference. */
  readonly mapsTakeRef: boolean;
}

/** What memory_failure does with a poisoned frame of this type. */
export type MemoryFailureRule = { readonly action: 'poison-and-kill' } | { readonly action: 'refuse'; readonly errno: Errno };

/** What GUP (follow_page_pte / try_grab_folio) does with a frame of this type. */
export type GupRule = 'grab' | 'fault-to-ram' | 'EREMOTEIO';

/** hmm_range_fault / SNAPSHOT class (lib/test_hmm.c HMM_DMIRROR_PROT_*). */
export type SnapshotClass = 'system' | 'device-private' | 'device-coherent' | 'dax';

export interface TypeRules {
  /**
   * The entry migrate_vma_insert_page / remove_migration_pte installs for a
   * page of this type, or 'unsupported' ("Unsupported ZONE_DEVICE page type").
   */
  readonly pteOnMigrate: (era: Era) => 'present' | 'present-devmap' | 'device-private' | 'unsupported';
  /** folio_add_lru is called for it (never for ZONE_DEVICE, §8). */
  readonly onLru: boolean;
  readonly refcount: (era: Era) => RefcountRule;
  /** get_mctgt_type for a page charged to mc.from. */
  readonly memcgTarget: (era: Era) => McTarget;
  /** folio_is_longterm_pinnable. */
  readonly longtermPinnable: (era: Era) => boolean;
  readonly gup: GupRule;
  readonly memoryFailure: (era: Era) => MemoryFailureRule;
  /** pgmap->ref is taken per allocated page (else per pfn at memremap_pages). */
  readonly pgmapRefPerAlloc: (era: Era) => boolean;
  readonly snapshotClass: SnapshotClass;
}

/** PRIVATE/COHERENT/PUBLIC counting, era by era (KERNEL-SEMANTICS §2.1). */
const deviceRefcount = (model: DeviceRefcountModel): RefcountRule =>
  model === 'extra-ref' ? { idle: 1, base: 1, mapsTakeRef: true } : model === 'reset-to-one' ? { idle: 1, base: 0, mapsTakeRef: true } : { idle: 0, base: 0, mapsTakeRef: true };

/**
 * FS_DAX/HOST counting: devmap-era PTEs take no reference and the page idles
 * at 1; since the fs/dax series mappings are refcounted and it idles at 0.
 */
const daxRefcount = (model: DaxRefcountModel): RefcountRule => (model === 'devmap' ? { idle: 1, base: 1, mapsTakeRef: false } : { idle: 0, base: 0, mapsTakeRef: true });

const mctgt =
  (type: FrameType) =>
  (era: Era): McTarget =>
    era.mctgtDevice.includes(type as never) ? 'DEVICE' : 'PAGE';

const refuse = (era: Era): MemoryFailureRule => ({ action: 'refuse', errno: era.memoryFailureDeviceErrno });
const poison = (): MemoryFailureRule => ({ action: 'poison-and-kill' });
/** pgmap refs: per allocation for PRIVATE/COHERENT since v6.1 (0dc45ca1ce18). */
const perAllocSinceV61 = (era: Era) => era.pgmapRef === 'per-alloc';
const never = () => false;

/**
 * What FS_DAX, GENERIC, PCI_P2PDMA and HOST share: host-side memory mapped by
 * a dax mmap of the pgmap, never migrated into, never charged, not on the
 * LRU. Their rows below spread it and state only where they differ.
 */
const HOST_MEMORY = {
  pteOnMigrate: () => 'unsupported',
  onLru: false,
  memcgTarget: () => 'NONE',
  longtermPinnable: () => true,
  gup: 'grab',
  memoryFailure: poison,
  pgmapRefPerAlloc: never,
  snapshotClass: 'dax',
} as const satisfies Partial<TypeRules>;

export const TYPE_RULES = {
  SYSTEM: {
    pteOnMigrate: () => 'present',
    onLru: true,
    refcount: () => ({ idle: 0, base: 0, mapsTakeRef: true }),
    memcgTarget: () => 'PAGE',
    longtermPinnable: () => true,
    gup: 'grab',
    memoryFailure: poison,
    pgmapRefPerAlloc: never,
    snapshotClass: 'system',
  },
  PRIVATE: {
    // make_device_private_entry (migrate_vma_insert_page, remove_migration_pte).
    pteOnMigrate: () => 'device-private',
    onLru: false,
    refcount: (era) => deviceRefcount(era.deviceRefcount),
    memcgTarget: mctgt('PRIVATE'),
    // Never reached: GUP faults a device-private entry back to RAM (§4.1).
    longtermPinnable: () => true,
    gup: 'fault-to-ram',
    // mf_generic_kill_procs (mm/memory-failure.c): dax_lock_folio returns 0
    // for a folio whose mapping is not a DAX mapping — an anon device page —
    // so -EBUSY comes before the type switch's -ENXIO (fs/dax.c, read).
    memoryFailure: refuse,
    pgmapRefPerAlloc: perAllocSinceV61,
    snapshotClass: 'device-private',
  },
  COHERENT: {
    // migrate_vma_insert_page: mk_pte for is_device_coherent_page.
    pteOnMigrate: () => 'present',
    onLru: false,
    refcount: (era) => deviceRefcount(era.deviceRefcount),
    memcgTarget: mctgt('COHERENT'),
    // folio_is_longterm_pinnable: folio_is_device_coherent → false.
    longtermPinnable: () => false,
    gup: 'grab',
    // As PRIVATE's: dax_lock_folio finds no DAX mapping, -EBUSY.
    memoryFailure: refuse,
    pgmapRefPerAlloc: perAllocSinceV61,
    snapshotClass: 'device-coherent',
  },
  FS_DAX: {
    ...HOST_MEMORY,
    refcount: (era) => daxRefcount(era.daxRefcount),
    longtermPinnable: (era) => !era.fsdaxLongtermUnpinnable,
  },
  GENERIC: {
    ...HOST_MEMORY,
    // [mem] open question 8: upstream resets GENERIC to 1 when freed; we
    // model its mappings as refcounted since the fs/dax series.
    refcount: (era) => (era.daxRefcount === 'devmap' ? daxRefcount('devmap') : { idle: 1, base: 0, mapsTakeRef: true }),
  },
  PCI_P2PDMA: {
    ...HOST_MEMORY,
    refcount: () => ({ idle: 0, base: 0, mapsTakeRef: true }),
    // FOLL_LONGTERM|FOLL_PCI_P2PDMA is rejected by is_valid_gup_args; we
    // never pass FOLL_PCI_P2PDMA, so GUP fails -EREMOTEIO first.
    gup: 'EREMOTEIO',
    // mf_generic_kill_procs: dax_lock_folio → 0 → -EBUSY (not a DAX mapping).
    memoryFailure: () => ({ action: 'refuse', errno: 'EBUSY' }),
  },
  HOST: {
    ...HOST_MEMORY,
    refcount: (era) => daxRefcount(era.daxRefcount),
  },
  PUBLIC: {
    // migrate_vma_insert_page / remove_migration_pte: pte_mkdevmap (seed 003).
    pteOnMigrate: () => 'present-devmap',
    onLru: false,
    refcount: (era) => deviceRefcount(era.deviceRefcount),
    memcgTarget: mctgt('PUBLIC'),
    // "no one should be allow to pin such memory" — but v4.14 had no check.
    longtermPinnable: () => false,
    gup: 'grab',
    // As PRIVATE's: dax_lock_folio finds no DAX mapping, -EBUSY.
    memoryFailure: refuse,
    pgmapRefPerAlloc: perAllocSinceV61,
    snapshotClass: 'device-coherent',
  },
} as const satisfies Record<FrameType, TypeRules>;

export function typeRules(type: FrameType): TypeRules {
  return TYPE_RULES[type];
}
