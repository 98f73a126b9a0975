// The abstract state: what the specification talks about, and what
// abstract(kernelState) must produce for the refinement check. Plain JSON
// (records keyed by handle, no Maps) so two states compare with deep
// equality and print in reports.
//
// Counters (refcount, mapcount, pincount, pgmap refs, memcg usage) are NOT
// here: the reference derives them from this state and the era
// (models/derive/), the kernel model stores them in its arrays. Invariants see
// both through a View (models/view.ts).
import type { FileId, FrameType, MemcgId, MmapKind, PgmapId, PinId, Prot, PteKind, ProcId, RefId, Vpn, Pfn, MemoryType } from './vocabulary.ts';

export interface AbsFrame {
  readonly pfn: Pfn;
  readonly type: FrameType;
  /** The pgmap it belongs to (ZONE_DEVICE), null for system RAM. */
  readonly pgmap: PgmapId | null;
  /** Index inside its pgmap (pfn - pgmap start), null for system RAM. */
  readonly index: number | null;
  /**
   * Allocated: system RAM not in the buddy allocator; a device page handed out
   * by the driver (zone_device_page_init); a DAX/P2PDMA page with any user.
   */
  readonly inUse: boolean;
  /** The data the frame holds (one number stands for a page of data). */
  readonly data: number;
  /** memcg charged for this frame (folio_memcg), null when uncharged. */
  readonly memcg: MemcgId | null;
  /** An anonymous folio (folio_test_anon). */
  readonly anon: boolean;
  /** Page-cache membership: the file and index it caches (folio->mapping). */
  readonly file: FileId | null;
  readonly fileIndex: number | null;
  /** PageHWPoison. */
  readonly hwpoison: boolean;
  /** Times handed out (allocation / zone_device_page_init / idle→busy). */
  readonly allocs: number;
  /** Times the type's free path ran (page_free, wake-up, buddy free, reset). */
  readonly frees: number;
  /**
   * PG_dirty of a page-cache folio (folio_mark_dirty): its data is newer than
   * the file's storage. Present only when set, so states without dirty
   * page-cache pages keep their shape. Anonymous memory has no backing store
   * in the model (no swap), so its dirty state is not tracked.
   */
  readonly dirty?: true;
}

export interface AbsPte {
  readonly kind: Exclude<PteKind, 'none' | 'migration'>;
  /** The frame behind it (for 'hwpoison': the poisoned frame). */
  readonly pfn: Pfn;
  /** pte_write / is_writable_device_private_entry. */
  readonly write: boolean;
  /** For 'device-exclusive': the owner that made it exclusive. */
  readonly owner?: string;
  /**
   * pte_dirty of a PTE mapping a page-cache folio: a CPU or device store went
   * through it since it was last cleaned. Present only when set; not tracked
   * for anonymous memory (see AbsFrame.dirty).
   */
  readonly dirty?: true;
}

export interface AbsVma {
  readonly start: Vpn;
  readonly npages: number;
  readonly kind: MmapKind;
  /** MAP_SHARED. Anonymous shared mappings are shmem-backed. */
  readonly shared: boolean;
  readonly prot: Prot;
  /** Backing object for shmem/file mappings; for dax, the pgmap's file. */
  readonly file: FileId | null;
  /** For 'dax': the pgmap mapped (vpn ↦ pgmap index vpn - start + pgoff). */
  readonly pgmap: PgmapId | null;
  /** File offset (in pages) of vpn `start`; 0 for anonymous memory. */
  readonly pgoff: number;
}

export interface AbsProc {
  readonly memcg: MemcgId;
  readonly vmas: readonly AbsVma[];
  /** Present and non-present entries, keyed by vpn. Absent key = pte_none. */
  readonly ptes: Readonly<Record<Vpn, AbsPte>>;
  /**
   * Ghost state (a TLA+ history variable, not kernel state): the last value
   * written through each private vpn (CPU or device). Shared mappings keep
   * theirs in the file. A vpn never written reads its file page or 0.
   */
  readonly written: Readonly<Record<Vpn, number>>;
  /** Signals delivered by memory_failure (kill_procs). */
  readonly sigbus: number;
  readonly nextVpn: Vpn;
}

export interface AbsFile {
  readonly kind: 'shmem' | 'file' | 'dax';
  readonly npages: number;
  /** Page cache: index ↦ frame. */
  readonly pages: Readonly<Record<number, Pfn>>;
  /**
   * Ghost: the last value written at each index through any shared mapping —
   * what a read must return (data-preserved). Not kernel state.
   */
  readonly written: Readonly<Record<number, number>>;
  /**
   * The file's storage (its blocks on disk): what writeback last wrote at
   * each index; filemap_read_folio reads a page back from here. Absent index:
   * a hole (reads 0). Only 'file' objects have storage: shmem pages are their
   * only copy, and a dax file's storage is its pgmap's frames.
   */
  readonly stored: Readonly<Record<number, number>>;
  /**
   * A task inside fallocate(FALLOC_FL_PUNCH_HOLE) on this (dax) file, asleep
   * in ___wait_var_event until the page at `waitOn` goes idle (the
   * filesystem's break-layouts loop: xfs_break_dax_layouts,
   * ext4_break_layouts, dax_break_layout). The page's free path wakes it
   * (wake_up_var); it then rescans and punches [index, index + npages).
   * Present only while a task waits.
   */
  readonly punchHole?: { readonly index: number; readonly npages: number; readonly waitOn: Pfn };
}

export interface AbsPgmap {
  readonly type: MemoryType;
  readonly owner: string;
  readonly start: Pfn;
  readonly npages: number;
  /**
   * pfns at the start of the range the driver reserved (an altmap): never
   * handed out, no per-pfn reference, pgmap_pfn_valid false; a dax file's
   * page 0 is the first pfn after them. Present only when memremap_pages was
   * given some (absent means 0), so states without any keep their shape.
   */
  readonly reserved?: number;
  /** percpu_ref_kill has run (memunmap_pages started); no new allocations or get_dev_pagemap. */
  readonly killed: boolean;
  /** memunmap_pages completed: the range is gone. */
  readonly removed: boolean;
  /** For FS_DAX/GENERIC/HOST/PCI_P2PDMA: the file object a dax mmap maps. */
  readonly file: FileId | null;
}

export interface AbsGupRef {
  readonly pfn: Pfn;
  readonly proc: ProcId;
}

export interface AbsPin {
  readonly pfn: Pfn;
  readonly proc: ProcId;
  readonly longterm: boolean;
  readonly write: boolean;
}

export interface AbsState {
  readonly frames: Readonly<Record<Pfn, AbsFrame>>;
  readonly pgmaps: Readonly<Record<PgmapId, AbsPgmap>>;
  readonly procs: Readonly<Record<ProcId, AbsProc>>;
  readonly files: Readonly<Record<FileId, AbsFile>>;
  readonly memcgs: readonly MemcgId[];
  readonly refs: Readonly<Record<RefId, AbsGupRef>>;
  readonly pins: Readonly<Record<PinId, AbsPin>>;
  /** fail_next_alloc: the next allocation of that kind fails once. */
  readonly failNextAlloc: { readonly device: boolean; readonly system: boolean };
  /** Handle counters: the next p/m/pgmap/ref/pin/f number to hand out. */
  readonly next: { readonly proc: number; readonly memcg: number; readonly pgmap: number; readonly ref: number; readonly pin: number; readonly file: number };
}
