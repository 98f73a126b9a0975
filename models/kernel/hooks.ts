// The proposal hooks: the decisions inside kernel functions that a design
// under review may change (DESIGN §4). Each hook is named after the kernel
// function whose decision it replaces, receives a read-only view of the folio
// and returns that decision. The defaults come from the era profile and the
// per-type table (models/kernel/default-hooks.ts).
import type { Errno, FrameType, McTarget, MemcgId, MemoryType, Pfn } from '../vocabulary.ts';

/** A read-only view of one folio, as a hook sees it. */
export interface FolioView {
  readonly pfn: Pfn;
  /** 'SYSTEM' for normal RAM. */
  readonly memoryType: FrameType;
  readonly refcount: number;
  readonly mapcount: number;
  readonly pincount: number;
  /** folio_test_anon. */
  readonly anon: boolean;
  /** The page-cache file it belongs to, or null (folio->mapping, anon excluded). */
  readonly mapping: string | null;
  readonly memcg: MemcgId | null;
  /** pgmap->owner for ZONE_DEVICE folios, else null. */
  readonly owner: string | null;
  readonly lru: boolean;
  readonly hwpoison: boolean;
  readonly zone: 'NORMAL' | 'DEVICE';
}

/** A read-only view of a dev_pagemap. */
export interface PgmapView {
  readonly type: MemoryType;
  readonly owner: string;
  readonly npages: number;
}

/** What the ZONE_DEVICE free path does when the last user goes. */
export interface FreeDecision {
  /** The driver's page_free/folio_free, the FS_DAX idle wake-up, a reset to 1, or the buddy allocator. */
  readonly action: 'driver-free' | 'wake-idle' | 'reset-to-one' | 'buddy';
  /** The refcount at which it runs: 1 in the "1-based" eras, else 0. */
  readonly at: 0 | 1;
}

export type PteOnInsert = 'device-private' | 'present' | 'present-devmap' | 'unsupported';

/** What __gup_longterm_locked does with a folio folio_is_longterm_pinnable refused. */
export type LongtermUnpinnableDecision =
  | { readonly action: 'migrate' } // migrate_device_coherent_folio / migrate_pages, then re-pin the copy
  | { readonly action: 'fail'; readonly errno: Errno } // unpin and fail the call
  | { readonly action: 'pin' }; // keep the pin (the bug the seeds are about)

export interface GupFlags {
  readonly write: boolean;
  readonly pin: boolean;
  readonly longterm: boolean;
}

/** The fast-GUP path's decision for one present PTE. */
export type FastGupDecision = 'grab' | 'fallback' | 'fail';

export interface MctgtContext {
  /** mc.from: the memcg the task is leaving. */
  readonly from: MemcgId;
  /** How the page was reached: a present PTE or a device-private (swap-type) entry. */
  readonly via: 'present' | 'device-private';
}

export type MemoryFailureDecision =
  | { readonly action: 'poison-and-kill' } // mf_generic_kill_procs: SetPageHWPoison, unmap, SIGBUS
  | { readonly action: 'refuse'; readonly errno: Errno }; // nothing changes, references dropped

export interface NonpresentEntryView {
  readonly kind: 'device-private' | 'device-exclusive';
  readonly write: boolean;
  readonly folio: FolioView;
}

/** What fork does with a non-present entry (copy_nonpresent_pte). */
export type CopyNonpresentDecision =
  | 'share-readonly' // folio_get + dup rmap; a writable entry becomes read-only in parent and child
  | 'share' // copy as is (keeps the write bit: breaks COW)
  | 'restore-then-copy'; // device-exclusive: restore the present PTE in the parent, then copy it as present

export interface Hooks {
  /** Does put_page divert this folio to the ZONE_DEVICE free path (mm.h page_is_devmap_managed). */
  page_is_devmap_managed(folio: FolioView): boolean;
  /** What free_zone_device_folio does for this type, and at which count. */
  free_zone_device_folio(folio: FolioView): FreeDecision;
  /** Migration's expected reference count for a folio about to move (mm/migrate.c expected_page_refs). */
  expected_page_refs(folio: FolioView): number;
  /** May this collected page migrate (mm/migrate_device.c migrate_vma_check_page). */
  migrate_vma_check_page(folio: FolioView, ctx: { readonly isFaultPage: boolean }): boolean;
  /** The PTE a new device page of this pgmap gets (migrate_vma_insert_page, remove_migration_pte). */
  migrate_vma_insert_page(pgmap: PgmapView): PteOnInsert;
  /** May FOLL_LONGTERM pin it (include/linux/mm.h folio_is_longterm_pinnable). */
  folio_is_longterm_pinnable(folio: FolioView): boolean;
  /** What __gup_longterm_locked does with an unpinnable folio (mm/gup.c). */
  gup_longterm_unpinnable(folio: FolioView): LongtermUnpinnableDecision;
  /** The fast-GUP path's decision (mm/gup.c try_grab_folio_fast). */
  try_grab_folio_fast(folio: FolioView, flags: GupFlags): FastGupDecision;
  /** NONE, PAGE, SWAP or DEVICE for charge moving (mm/memcontrol.c get_mctgt_type). */
  get_mctgt_type(folio: FolioView, ctx: MctgtContext): McTarget;
  /** The action and errno for a poisoned ZONE_DEVICE frame (mm/memory-failure.c). */
  memory_failure_dev_pagemap(folio: FolioView, pgmap: PgmapView): MemoryFailureDecision;
  /** What fork does with a device-private or device-exclusive entry (mm/memory.c). */
  copy_nonpresent_pte(entry: NonpresentEntryView): CopyNonpresentDecision;
  /**
   * Does a newly mapped or migrated folio go on the LRU (mm/swap.c
   * folio_add_lru; migrate_vma_insert_page and __migrate_device_finalize skip
   * ZONE_DEVICE folios). Beyond DESIGN's eleven: the 2016 NUMA-node design
   * puts device memory on the LRU.
   */
  folio_add_lru(folio: FolioView): boolean;
}

export type HookName = keyof Hooks;

export const HOOK_NAMES: readonly HookName[] = [
  'page_is_devmap_managed',
  'free_zone_device_folio',
  'expected_page_refs',
  'migrate_vma_check_page',
  'migrate_vma_insert_page',
  'folio_is_longterm_pinnable',
  'gup_longterm_unpinnable',
  'try_grab_folio_fast',
  'get_mctgt_type',
  'memory_failure_dev_pagemap',
  'copy_nonpresent_pte',
  'folio_add_lru',
];
