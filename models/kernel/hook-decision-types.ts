// The decisions proposal hooks return, and the contexts they are asked in,
// as TypeScript types (their run-time descriptions are in hook-decisions.ts).
// Each names the kernel function whose choice it is.
import type { Errno, MemcgId } from '../vocabulary.ts';

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

/**
 * Which migration entries remove_migration_ptes rebuilds: every one the
 * rmap walk of the folio finds (the kernel's: a fork may have copied one
 * into a child since try_to_migrate), or only those migrate_device_unmap
 * installed itself.
 */
export type MigrationPtesScope = 'rmap-walk' | 'installed';

/** What migrate_longterm_unpinnable_folios leaves the caller to pin once the folio moved. */
export type LongtermPinTarget =
  | 'copy' // -EAGAIN: __gup_longterm_locked pins again and finds the copy the PTE now maps
  | 'original' // keep pinning the folio it migrated away from (the page is gone: a use after free)
  | 'destination'; // pin the migration's destination folio, without walking the page tables again (the copy, unless something ran in between)

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

/** What mf_generic_kill_procs does to the poisoned page's users (collect_procs, unmap_and_kill). */
export interface UnmapAndKillDecision {
  /** unmap_mapping_range over the poisoned page ('page': base pages only), or nothing. */
  readonly unmap: 'page' | 'none';
  /** kill_procs with MF_MUST_KILL: SIGBUS to every process that mapped it, or to nobody. */
  readonly kill: 'mappers' | 'none';
}

/** What fork does with a non-present entry (copy_nonpresent_pte). */
export type CopyNonpresentDecision =
  | 'share-readonly' // folio_get + dup rmap; a writable entry becomes read-only in parent and child
  | 'share' // copy as is (keeps the write bit: breaks COW)
  | 'restore-then-copy'; // device-exclusive: restore the present PTE in the parent, then copy it as present

/** The write bits fork leaves on a present page both processes now share (copy_present_ptes). */
export interface ForkWriteBits {
  readonly parent: boolean;
  readonly child: boolean;
}

/** How migrate_vma_collect_pmd met the page, and what the caller selected (MIGRATE_VMA_SELECT_*). */
export interface MigrateCollectContext {
  readonly via: 'present' | 'device-private';
  readonly system: boolean;
  readonly devicePrivate: boolean;
  readonly deviceCoherent: boolean;
  /** migrate->pgmap_owner; null where the era has no owner checks. */
  readonly owner: string | null;
}

/** What memunmap_pages finds after percpu_ref_kill. */
export interface MemunmapContext {
  /** Pages of the range still handed out (allocated, or a DAX page with users). */
  readonly inUse: number;
  /** Pages of the range some PTE still maps. */
  readonly mapped: number;
  /** pgmap->ref after the kill: what wait_for_completion(&pgmap->done) waits on. */
  readonly ref: number;
}

/**
 * The put paths a ZONE_DEVICE folio's last reference can take. Each must
 * divert a devmap-managed folio to its free path (wake-up, page_free):
 * BUG-02 was release_pages sending only MEMORY_DEVICE_PUBLIC there, BUG-01
 * gup_put_folio subtracting a pin's references and skipping it.
 */
export type PutSite =
  | 'put_page' // folio_put / put_page (include/linux/mm.h)
  | 'release_pages' // the batched put of zap, truncation and unmap_and_kill (mm/swap.c)
  | 'gup_put_folio'; // unpin_user_page and a FOLL_GET reference's put (mm/gup.c)

/**
 * The paths that hold a dev_pagemap reference and must put_dev_pagemap it:
 * the free path of a page whose pgmap is referenced per allocation (v6.1
 * PRIVATE/COHERENT, 0dc45ca1ce18) and memory_failure's get_dev_pagemap
 * (mm/memory-failure.c memory_failure: "drop pgmap ref acquired in caller").
 */
export type PgmapPutSite = 'free_zone_device_folio' | 'memory_failure';

/**
 * Where do_swap_page (mm/memory.c) takes its reference on a device-private
 * page relative to dropping the PTE lock: 'get-then-unlock' is
 * 16ce101db85d's order (get_page while the PTE lock keeps the entry, and so
 * the page, in place); 'unlock-then-get' takes it after pte_unmap_unlock,
 * when a migration of the page may already have freed it.
 */
export type DoSwapPageOrder = 'get-then-unlock' | 'unlock-then-get';

/**
 * Where a PTE walk that cleared present PTEs flushes the TLB for them,
 * relative to the pte_unmap_unlock that ends it: 'flush-then-unlock' is
 * acf4387e553e's order (flush_tlb_range under the PTL, so whoever takes the
 * PTL next and finds the entry cleared also finds no CPU still holding the
 * old translation); 'unlock-then-flush' is the order before it, when a zap
 * may find the entry gone and return while a CPU still reaches the page.
 */
export type TlbFlushOrder = 'flush-then-unlock' | 'unlock-then-flush';

/** The PTE walks that clear present PTEs and flush the TLB at the end (migrate_vma_collect_pmd). */
export type TlbFlushSite = 'migrate_vma_collect_pmd';

/**
 * Where memory_failure's get_dev_pagemap (mm/memremap.c) takes the pgmap
 * reference: 'tryget-under-rcu' is the kernel's percpu_ref_tryget_live_rcu
 * inside rcu_read_lock, so the pgmap found in pgmap_array is held before
 * the lock that kept it from being freed is dropped; 'get-after-rcu-unlock'
 * checks it live under RCU and takes the reference (percpu_ref_get) only
 * after rcu_read_unlock, when memunmap_pages may have killed and torn it
 * down in between.
 */
export type PgmapRefOrder = 'tryget-under-rcu' | 'get-after-rcu-unlock';

/**
 * Where free_zone_device_folio puts a page's per-allocation pgmap
 * reference: after the driver's page_free returned (the kernel's), or before
 * it, when memunmap_pages may complete and the driver tear its free list
 * down while page_free still works on it.
 */
export type PgmapPutOrder = 'put-after-page-free' | 'put-before-page-free';

/**
 * Where memunmap_pages kills pgmap->ref: before it waits for the users'
 * references to go (the kernel's percpu_ref_kill, so no get_dev_pagemap or
 * zone_device_page_init takes a new one after the wait saw the last one
 * go), or after the wait, when a reference taken in between outlives the
 * teardown.
 */
export type PgmapKillOrder = 'kill-then-wait' | 'wait-then-kill';

/** The paths that take an extra folio reference and must drop it on every exit. */
export type PutRefSite =
  | 'memory_failure' // MF_COUNT_INCREASED: the madvise(MADV_HWPOISON) caller's reference (put_ref_page)
  | 'do_swap_page' // the get_page around pgmap->ops->migrate_to_ram (16ce101db85d)
  | 'mem_cgroup_move_charge_pte_range' // get_mctgt_type's lookup reference (mc_handle_*_pte)
  | 'gup_fast_pte_range' // try_grab_folio_fast backing out of an unpinnable FOLL_LONGTERM folio
  | 'migration_entry_wait' // the reference a task faulting on a migration entry takes while it waits (before v5.19)
  | 'add_page_for_migration'; // move_pages' follow_page(FOLL_GET) reference, put at out_putpage

/**
 * The places that clear (or clean) a PTE and must move its dirty bit to the
 * folio (`if (pte_dirty(pte)) folio_mark_dirty(folio)`), or the write it
 * recorded is lost. BUG-09 was migrate_vma_collect_pmd forgetting it.
 */
export type DirtySite =
  | 'zap_pte_range' // munmap, exit, unmap_mapping_range (truncation, punch hole): zap_present_folio_ptes
  | 'migrate_vma_collect_pmd' // the collected PTE becomes a migration entry (mm/migrate_device.c)
  | 'try_to_migrate_one' // the other mappings become migration entries (mm/rmap.c)
  | 'try_to_unmap_one' // memory_failure's unmap (hwpoison_user_mappings → try_to_unmap)
  | 'folio_mkclean'; // writeback write-protects and cleans the mappings (page_vma_mkclean_one)
