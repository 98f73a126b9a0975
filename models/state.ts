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
}

export interface AbsPte {
  readonly kind: Exclude<PteKind, 'none' | 'migration'>;
  /** The frame behind it (for 'hwpoison': the poisoned frame). */
  readonly pfn: Pfn;
  /** pte_write / is_writable_device_private_entry. */
  readonly write: boolean;
  /** For 'device-exclusive': the owner that made it exclusive. */
  readonly owner?: string;
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
  /** Ghost: the last value written at each index through any shared mapping. */
  readonly written: Readonly<Record<number, number>>;
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
