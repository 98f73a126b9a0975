// The words zdspec speaks: memory types, frame types, PTE kinds, errnos,
// handles. Everything else in models/ and properties/ is built from these.
//
// Kernel names are those of include/linux/memremap.h (enum memory_type);
// the numeric enum values differ between eras and live in models/eras/.

/** Every ZONE_DEVICE memory type any era had (include/linux/memremap.h). */
export const MEMORY_TYPES = [
  'PRIVATE', // MEMORY_DEVICE_PRIVATE: v4.14 onward
  'COHERENT', // MEMORY_DEVICE_COHERENT: v6.0 onward
  'FS_DAX', // MEMORY_DEVICE_FS_DAX: ~v4.18 onward
  'GENERIC', // MEMORY_DEVICE_GENERIC: v5.10 onward (DEVDAX in v5.3–v5.9)
  'PCI_P2PDMA', // MEMORY_DEVICE_PCI_P2PDMA: v4.20 onward
  'HOST', // MEMORY_DEVICE_HOST: v4.14–~v4.17 (pmem)
  'PUBLIC', // MEMORY_DEVICE_PUBLIC: v4.14–v5.2 (removed in v5.3)
] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

/** A frame is normal system RAM or a ZONE_DEVICE page of one memory type. */
export const FRAME_TYPES = ['SYSTEM', ...MEMORY_TYPES] as const;
export type FrameType = (typeof FRAME_TYPES)[number];

export const KERNEL_TYPE_NAME = {
  SYSTEM: 'system RAM',
  PRIVATE: 'MEMORY_DEVICE_PRIVATE',
  COHERENT: 'MEMORY_DEVICE_COHERENT',
  FS_DAX: 'MEMORY_DEVICE_FS_DAX',
  GENERIC: 'MEMORY_DEVICE_GENERIC',
  PCI_P2PDMA: 'MEMORY_DEVICE_PCI_P2PDMA',
  HOST: 'MEMORY_DEVICE_HOST',
  PUBLIC: 'MEMORY_DEVICE_PUBLIC',
} as const satisfies Record<FrameType, string>;

export function isMemoryType(x: unknown): x is MemoryType {
  return typeof x === 'string' && (MEMORY_TYPES as readonly string[]).includes(x);
}

/**
 * What a page-table entry holds between two steps. Migration entries exist
 * only inside one operation (migrate_vma_collect → remove_migration_ptes) and
 * never survive a step, so the abstract state never shows them.
 */
export const PTE_KINDS = [
  'none', // pte_none
  'present', // a normal present PTE (system RAM, COHERENT, the zero page)
  'present-devmap', // pte_devmap present PTE (v4.14 PUBLIC, FS_DAX/GENERIC before ~v6.15)
  'device-private', // non-present swap-type device-private entry
  'migration', // migration entry: transient, inside one operation only
  'device-exclusive', // device-exclusive entry (make_device_exclusive)
  'hwpoison', // hwpoison entry left by memory_failure's unmap
] as const;
export type PteKind = (typeof PTE_KINDS)[number];

/** Errnos the modelled entry points return (include/uapi/asm-generic/errno*.h). */
export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EFAULT: 14,
  EBUSY: 16,
  ENOMEM: 12,
  EINVAL: 22,
  EAGAIN: 11,
  ENXIO: 6,
  EOPNOTSUPP: 95,
  EREMOTEIO: 121,
  EHWPOISON: 133,
} as const;
export type Errno = keyof typeof ERRNO;
export const ERRNOS = Object.keys(ERRNO) as Errno[];

/** Handles are short names so a counterexample reads like a call trace. */
export type ProcId = `p${number}`;
export type MemcgId = `m${number}`;
export type PgmapId = `pgmap${number}`;
export type RefId = `ref${number}`;
export type PinId = `pin${number}`;
export type FileId = `f${number}`;
export type Pfn = number;
export type Vpn = number;

/** GUP_PIN_COUNTING_BIAS (include/linux/mm.h): a FOLL_PIN adds 1 << 10. */
export const GUP_PIN_COUNTING_BIAS = 1024;

/** The shared zero page: one SYSTEM frame, never charged, never freed. */
export const ZERO_PFN: Pfn = 0;

/** Mapping kinds a process can mmap (mm/mmap.c do_mmap, by backing). */
export const MMAP_KINDS = ['anon', 'shmem', 'file', 'dax'] as const;
export type MmapKind = (typeof MMAP_KINDS)[number];

export const PROTS = ['none', 'read', 'write'] as const;
/** 'write' means PROT_READ|PROT_WRITE; 'read' PROT_READ; 'none' PROT_NONE. */
export type Prot = (typeof PROTS)[number];

/**
 * Categories of the HMM test driver's SNAPSHOT ioctl (lib/test_hmm.c,
 * HMM_DMIRROR_PROT_*), which reports what hmm_range_fault saw per page
 * without faulting.
 */
export const SNAPSHOT_CATEGORIES = ['error', 'none', 'zero', 'system', 'device-private-local', 'device-private-remote', 'device-coherent-local', 'device-coherent-remote'] as const;
export type SnapshotCategory = (typeof SNAPSHOT_CATEGORIES)[number];

/** HMM_DMIRROR_PROT_* byte values (lib/test_hmm_uapi.h). */
export const HMM_DMIRROR_PROT = {
  ERROR: 0xff,
  NONE: 0x00,
  READ: 0x01,
  WRITE: 0x02,
  PMD: 0x04,
  PUD: 0x08,
  ZERO: 0x10,
  DEV_PRIVATE_LOCAL: 0x20,
  DEV_PRIVATE_REMOTE: 0x30,
  DEV_COHERENT_LOCAL: 0x40,
  DEV_COHERENT_REMOTE: 0x50,
} as const;

/** cgroup-v1 charge-moving targets (mm/memcontrol.c enum mc_target_type). */
export const MC_TARGETS = ['NONE', 'PAGE', 'SWAP', 'DEVICE'] as const;
export type McTarget = (typeof MC_TARGETS)[number];
