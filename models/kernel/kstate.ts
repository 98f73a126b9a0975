// The kernel model's state: struct pages (memmap.ts), page tables and VMAs per
// mm_struct, dev_pagemaps with their percpu_ref counts, memcg page counters,
// the page cache of each file, GUP handles. Everything is updated in place
// by the functions named after the kernel's; nothing is recomputed per step.
import type { Era } from '../eras/era.ts';
import type { ZdEvent } from '../events.ts';
import type { MemoryType, MmapKind, Pfn, Prot, PteKind, Vpn } from '../vocabulary.ts';
import type { Hooks, PteValueView } from './hooks.ts';
import type { Ghost } from './ghost.ts';
import type { PunchHole } from './punch-hole.ts';
import type { OpArgs } from '../ops.ts';
import type { SwapFault } from './do-swap-page.ts';
import type { PgmapFailure } from './memory-failure.ts';
import type { InterleavingLabel } from './interleaving-points.ts';
import type { MigrateEntryData } from './migrate-entry.ts';
import { Memmap, PG_inuse } from './memmap.ts';
import { SYSTEM_FRAMES, pgmapBase } from '../limits.ts';

/** One page-table entry (a non-none PTE; pte_none is "no key"). */
export interface Pte {
  kind: Exclude<PteKind, 'none'>;
  pfn: Pfn;
  write: boolean;
  /** device-exclusive: the owner that made it exclusive. */
  owner?: string;
  /** migration entry: the entry remove_migration_pte restores when the folio does not move. */
  was?: Pte;
  dirty?: true; // pte_dirty: a store went through it (kept for PTEs of page-cache folios only)
  /**
   * device-exclusive entry made without the page's rmap and map count (the
   * proposal's make_device_exclusive false; v5.14–v6.14 kernels): zap leaves
   * the rmap alone and restoring the PTE adds it back.
   */
  rmap?: false;
}

export interface Vma {
  start: Vpn;
  npages: number;
  kind: MmapKind;
  shared: boolean;
  prot: Prot;
  file: number | null;
  pgmap: number | null;
  pgoff: number;
}

/** A process: its mm (VMAs sorted by start, page tables) and task state. */
export interface Proc {
  readonly num: number;
  memcg: number;
  vmas: Vma[];
  ptes: Map<Vpn, Pte>;
  sigbus: number;
  nextVpn: Vpn;
}

export interface KFile {
  readonly kind: 'shmem' | 'file' | 'dax';
  npages: number;
  /** The page cache (address_space->i_pages): index → pfn. */
  pages: Map<number, Pfn>;
  /** VMAs mapping it; the page cache is dropped when it reaches 0. */
  vmaCount: number;
  /** The file's blocks ('file' objects only): what writeback wrote at each index; a missing index is a hole. */
  readonly stored: Map<number, number>;
  punch?: PunchHole; // the task asleep in fallocate(PUNCH_HOLE)'s break-layouts loop on this dax file
}

export interface KPgmap {
  readonly num: number;
  readonly type: MemoryType;
  readonly owner: string;
  readonly start: Pfn;
  readonly npages: number;
  /** pfns at the start the driver reserved (altmap): never handed out, pgmap_pfn_valid false. */
  readonly reserved: number;
  readonly slot: number;
  killed: boolean;
  removed: boolean;
  readonly file: number | null;
  /** pgmap->ref (percpu_ref) count. */
  ref: number;
}

export interface KRef {
  readonly pfn: Pfn;
  readonly proc: number;
}
export interface KPin extends KRef {
  readonly longterm: boolean;
  readonly write: boolean;
}

/**
 * What free_zone_device_folio has left to do at its interleaving point
 * (memremap.ts): the driver's page_free, or the put of the page's pgmap
 * reference, whichever the proposal's order put second.
 */
export interface FreeHalf {
  readonly slot: number;
  readonly pgmap: number;
  readonly next: 'page_free' | 'put_dev_pagemap';
}

/**
 * The parent's PTE fork has decided to share but not yet write-protected
 * (fork.ts): its vpn and the write bit it is to get.
 */
export interface ForkWrprotect {
  readonly vpn: number;
  readonly write: boolean;
}

/**
 * What the HMM test driver's own page table (dmirror->pt, filled by
 * dmirror_migrate_finalize_and_map) holds for a vpn of a migration to the
 * device whose CPU PTE a zap cleared while the migration was paused: [vpn,
 * the data of its new page]. The ioctl's result reads it (dmirror_do_read).
 */
export type Mirror = readonly (readonly [number, number])[];

/** A translation a CPU's TLB may still hold for a PTE that was cleared and not yet flushed. */
export interface StaleTranslation {
  readonly vpn: number;
  readonly pfn: Pfn;
}

/**
 * A driver migration paused in migrate_vma_collect_pmd past
 * pte_unmap_unlock (migrate-vma-collect.ts): its process, what it collected
 * (each page locked and replaced by a migration entry), and the
 * translations of the PTEs it cleared that the proposal's flush_tlb_range
 * left for after the unlock.
 */
/** A paused driver migration's locals: its process and the entries migrate_vma_setup collected so far. */
export interface MigrationLocals {
  readonly proc: number;
  readonly entries: readonly MigrateEntryData[];
}

export interface CollectPause extends MigrationLocals {
  readonly stale: readonly StaleTranslation[];
}

/**
 * A long-term pin paused in __gup_longterm_locked between a migration and
 * the next round (gup.ts gup_slow): its process, the folio the proposal
 * pins without a walk (`repin`; -1: the kernel's walk again), and whether
 * the caller holds the mmap_lock across the rounds (`locked`: plain
 * pin_user_pages; the fast path's fallback takes and drops it itself).
 */
export interface LongtermRetry {
  readonly proc: number;
  readonly repin: number;
  readonly locked: boolean;
}

/**
 * A kernel thread paused at an interleaving point (threads.ts): plain data,
 * so a saved state carries it. `op`/`args`: the operation it runs; `label`:
 * the point it is paused after (INTERLEAVING_POINTS); then that point's
 * locals: do_swap_page's (`fault`), or the one migrate entry whose
 * finalize is half done and the pages the migration moved (`migrate`), or
 * memory_failure's frame and pgmap past get_dev_pagemap (`mf`), or the
 * process and the PTE value fast GUP read locklessly (`gupFast`), or the
 * step a final put's free_zone_device_folio has left (`free`), or the
 * parent PTE a fork has still to write-protect (`fork`), or the pgmap
 * memunmap_pages is tearing down and whether its percpu_ref_kill is still
 * to come (`unmap`), or a long-term pin's next round (`longterm`), or
 * what a driver migration's migrate_vma_setup collected and unmapped
 * (`setup`).
 */
export type KThread =
  | {
      readonly id: string;
      readonly op: 'cpu_read' | 'cpu_write' | 'get_user_pages' | 'pin_user_pages';
      readonly args: OpArgs['cpu_read'] | OpArgs['cpu_write'] | OpArgs['get_user_pages'] | OpArgs['pin_user_pages'];
      readonly label: Extract<InterleavingLabel, 'do_swap_page: pte_unmap_unlock'>;
      readonly fault: SwapFault;
    }
  | {
      readonly id: string;
      readonly op: 'migrate_to_device' | 'migrate_to_ram';
      readonly args: OpArgs['migrate_to_device'] | OpArgs['migrate_to_ram'];
      readonly label: Extract<InterleavingLabel, 'migrate_device_finalize: folio_putback_lru'>;
      readonly migrate: { readonly src: number; readonly dst: number; readonly cpages: number; readonly mirror: Mirror };
    }
  | {
      readonly id: string;
      readonly op: 'migrate_to_device' | 'migrate_to_ram';
      readonly args: OpArgs['migrate_to_device'] | OpArgs['migrate_to_ram'];
      readonly label: Extract<InterleavingLabel, 'migrate_vma_collect_pmd: pte_unmap_unlock'>;
      readonly collect: CollectPause;
    }
  | {
      readonly id: string;
      readonly op: 'migrate_to_device' | 'migrate_to_ram';
      readonly args: OpArgs['migrate_to_device'] | OpArgs['migrate_to_ram'];
      readonly label: Extract<InterleavingLabel, 'migrate_vma_setup: migrate_device_unmap'>;
      readonly setup: MigrationLocals;
    }
  | {
      readonly id: string;
      readonly op: 'memory_failure';
      readonly args: OpArgs['memory_failure'];
      readonly label: Extract<InterleavingLabel, 'memory_failure: get_dev_pagemap'>;
      readonly mf: PgmapFailure;
    }
  | {
      readonly id: string;
      readonly op: 'get_user_pages' | 'pin_user_pages';
      readonly args: OpArgs['get_user_pages'] | OpArgs['pin_user_pages'];
      readonly label: Extract<InterleavingLabel, 'gup_fast_pte_range: ptep_get_lockless'>;
      readonly gupFast: { readonly proc: number; readonly read: PteValueView };
    }
  | {
      readonly id: string;
      readonly op: 'put_page' | 'unpin_user_page' | 'munmap';
      readonly args: OpArgs['put_page'] | OpArgs['unpin_user_page'] | OpArgs['munmap'];
      readonly label: Extract<InterleavingLabel, 'free_zone_device_folio: page_free'>;
      readonly free: FreeHalf;
    }
  | {
      readonly id: string;
      readonly op: 'fork';
      readonly args: OpArgs['fork'];
      readonly label: Extract<InterleavingLabel, 'copy_present_ptes: folio_try_dup_anon_rmap_pte'>;
      readonly fork: { readonly parent: number; readonly child: number; readonly wrprotect: ForkWrprotect };
    }
  | {
      readonly id: string;
      readonly op: 'memunmap_pages';
      readonly args: OpArgs['memunmap_pages'];
      readonly label: Extract<InterleavingLabel, 'memunmap_pages: wait_for_completion'>;
      readonly unmap: { readonly pgmap: number; readonly killAfter: boolean };
    }
  | {
      readonly id: string;
      readonly op: 'pin_user_pages';
      readonly args: OpArgs['pin_user_pages'];
      readonly label: Extract<InterleavingLabel, '__gup_longterm_locked: migrate_longterm_unpinnable_folios'>;
      readonly longterm: LongtermRetry;
    };

export interface KernelState {
  readonly era: Era;
  readonly hooks: Hooks;
  readonly mem: Memmap;
  readonly procs: Map<number, Proc>;
  readonly files: Map<number, KFile>;
  readonly pgmaps: KPgmap[];
  /** memcg page_counter usage, by memcg number. */
  readonly memcgUsage: number[];
  readonly refs: Map<number, KRef>;
  readonly pins: Map<number, KPin>;
  /** rmap: slot → keys (proc << 32 | vpn) of the PTEs mapping it. */
  readonly rmap: Map<number, Set<number>>;
  readonly ghost: Ghost;
  readonly failNextAlloc: { device: boolean; system: boolean };
  readonly next: { proc: number; memcg: number; pgmap: number; ref: number; pin: number; file: number };
  /** Threads paused at an interleaving point, by id (none in a sequential run). */
  readonly threads: Map<string, KThread>;
  /** Events of the step being run. */
  events: ZdEvent[];
  /**
   * Armed by a thread start that may pause in free_zone_device_folio
   * (threads.ts): the first free to reach the point leaves its second step
   * here. Undefined between steps.
   */
  freeAt?: { paused?: FreeHalf };
  /** Armed by a fork started as a thread: the first shared PTE it would write-protect is left here. Undefined between steps. */
  forkAt?: { paused?: ForkWrprotect };
  /**
   * Armed by a driver migration started as a thread: migrate_vma_collect,
   * once it cleared a present PTE, stops the migration there and leaves the
   * translations it did not flush (threads.ts). Undefined between steps.
   */
  collectAt?: { paused?: { readonly stale: readonly StaleTranslation[] } };
  /**
   * Armed by a driver migration run as a thread: migrate_vma_setup, once
   * try_to_migrate replaced another process's mapping, stops the migration
   * before the driver's copy (dmirror-migrate.ts). Undefined between steps.
   */
  setupAt?: { paused?: true };
  /**
   * Armed by a long-term pin run as a thread: the first round of
   * __gup_longterm_locked that migrated a folio stops there (gup.ts). The
   * caller's `locked` is the thread's to add. Undefined between steps.
   */
  longtermAt?: { paused?: Omit<LongtermRetry, 'locked'> };
}

/** pfn_to_page: the slot of a pfn, or -1 when no struct page exists. */
export function pfn_to_slot(k: KernelState, pfn: Pfn): number {
  if (pfn >= 0 && pfn <= SYSTEM_FRAMES) return pfn;
  const n = Math.floor(pfn / pgmapBase()) - 1;
  const pg = k.pgmaps[n];
  if (!pg || pfn < pg.start || pfn >= pg.start + pg.npages) return -1;
  return pg.slot + (pfn - pg.start);
}

/** The slot of a pfn that must exist (a PTE, ref or pin names it). */
export function slotOf(k: KernelState, pfn: Pfn): number {
  const s = pfn_to_slot(k, pfn);
  if (s < 0) throw new Error(`no struct page for pfn ${pfn}`);
  return s;
}

/** page_pgmap(): the pgmap of a ZONE_DEVICE slot, undefined for system RAM. */
export function page_pgmap(k: KernelState, slot: number): KPgmap | undefined {
  const n = k.mem.pgmap[slot] ?? -1;
  return n < 0 ? undefined : k.pgmaps[n];
}

export const rmapKey = (proc: number, vpn: Vpn): number => proc * 0x1_0000_0000 + vpn;
export const rmapProc = (key: number): number => Math.floor(key / 0x1_0000_0000);
export const rmapVpn = (key: number): number => key % 0x1_0000_0000;

/** find_vma: the VMA containing vpn. */
export function vma_lookup(p: Proc, vpn: Vpn): Vma | undefined {
  for (const v of p.vmas) if (vpn >= v.start && vpn < v.start + v.npages) return v;
  return undefined;
}

/** linear_page_index: the file index a vpn of a file/shmem/dax VMA maps. */
export const linear_page_index = (v: Vma, vpn: Vpn): number => vpn - v.start + v.pgoff;

export function createState(era: Era, hooks: Hooks, ghost: Ghost): KernelState {
  const mem = new Memmap();
  mem.add(0, SYSTEM_FRAMES + 1, -1, 0);
  const k: KernelState = {
    era,
    hooks,
    mem,
    procs: new Map(),
    files: new Map(),
    pgmaps: [],
    memcgUsage: [0],
    refs: new Map(),
    pins: new Map(),
    rmap: new Map(),
    ghost,
    failNextAlloc: { device: false, system: false },
    next: { proc: 1, memcg: 1, pgmap: 0, ref: 0, pin: 0, file: 0 },
    threads: new Map(),
    events: [],
  };
  // The shared zero page is allocated at boot and never freed.
  mem.set(0, PG_inuse, true);
  k.procs.set(0, { num: 0, memcg: 0, vmas: [], ptes: new Map(), sigbus: 0, nextVpn: 0 });
  ghost.procs.set(0, new Map());
  return k;
}
