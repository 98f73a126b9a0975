// The operations (the Next relation's actions), named after the kernel entry
// points they model, with their argument shapes and results. Semantics are
// specified step by step in docs/operations.md and implemented twice:
// models/reference/ (the specification) and models/kernel/ (kernel-shaped).
import type { Errno, MemcgId, MemoryType, MmapKind, PgmapId, Pfn, PinId, Prot, ProcId, RefId, Vpn, FileId } from './vocabulary.ts';

export interface OpArgs {
  /** `reserved`: pfns at the start the driver keeps for itself (an altmap: the vmemmap, a label area); default 0. */
  memremap_pages: { type: MemoryType; owner: string; npages: number; reserved?: number };
  memunmap_pages: { pgmap: PgmapId };
  migrate_to_device: { proc: ProcId; vpn: Vpn; npages: number; pgmap: PgmapId };
  migrate_to_ram: { proc: ProcId; vpn: Vpn; npages: number; pgmap: PgmapId };
  migrate_device_range: { pgmap: PgmapId };
  /**
   * A device migration (migrate_to_device, or migrate_to_ram for `to: 'ram'`)
   * with a CPU access by faultProc at faultVpn racing it: the access lands
   * while its page is under migration (after the migration entries were
   * installed, before migrate_vma_check_page), waits in
   * migration_entry_wait, and is retried once the migration is done.
   * `value` is what a write stores (required for a write, absent for a read).
   */
  migrate_racing_fault: {
    proc: ProcId;
    vpn: Vpn;
    npages: number;
    pgmap: PgmapId;
    to: 'device' | 'ram';
    faultProc: ProcId;
    faultVpn: Vpn;
    write: boolean;
    value?: number;
  };
  device_read: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  device_write: { proc: ProcId; vpn: Vpn; npages: number; owner: string; data: number[] };
  snapshot: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  make_device_exclusive: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  check_exclusive: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  mmap: { proc: ProcId; npages: number; kind: MmapKind; shared: boolean; prot: Prot; pgmap?: PgmapId; file?: FileId };
  munmap: { proc: ProcId; vpn: Vpn; npages: number };
  mprotect: { proc: ProcId; vpn: Vpn; npages: number; prot: Prot };
  /** madvise(MADV_DONTNEED) of [vpn, vpn + npages): the pages go, the VMAs stay; a private page reads zero (or its file) again. */
  madvise_dontneed: { proc: ProcId; vpn: Vpn; npages: number };
  cpu_read: { proc: ProcId; vpn: Vpn };
  cpu_write: { proc: ProcId; vpn: Vpn; value: number };
  fork: { proc: ProcId };
  exit: { proc: ProcId };
  /** fallocate(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE) of pages [index, index + npages) of a file. */
  fallocate_punch_hole: { file: FileId; index: number; npages: number };
  /** fsync / msync(MS_SYNC): write the file's dirty page-cache pages back to its storage. */
  fsync: { file: FileId };
  /** echo 1 > /proc/sys/vm/drop_caches: drop every clean, unmapped, unreferenced page-cache page. */
  drop_caches: Record<string, never>;
  /** move_pages(pid, 1, [vpn], [node], status, MPOL_MF_MOVE or MPOL_MF_MOVE_ALL): move one page to a new frame. */
  move_pages: { proc: ProcId; vpn: Vpn; moveAll: boolean };
  get_user_pages: { proc: ProcId; vpn: Vpn; write: boolean; fast: boolean };
  pin_user_pages: { proc: ProcId; vpn: Vpn; write: boolean; longterm: boolean; fast: boolean };
  put_page: { ref: RefId };
  unpin_user_page: { pin: PinId };
  mem_cgroup_create: Record<string, never>;
  mem_cgroup_move_task: { proc: ProcId; memcg: MemcgId; moveCharge: boolean };
  memory_failure: { proc?: ProcId; vpn?: Vpn; pgmap?: PgmapId; index?: number; countIncreased: boolean };
  fail_next_alloc: { where: 'device' | 'system' };
}
export type OpName = keyof OpArgs;

/** Success values, per operation. A failure is { errno } or { signal }. */
export interface OpValues {
  memremap_pages: { pgmap: PgmapId };
  memunmap_pages: Record<string, never>;
  migrate_to_device: { cpages: number; data: number[] };
  migrate_to_ram: { cpages: number };
  migrate_device_range: { cpages: number };
  /** cpages: pages that moved; fault: how the retried access ended; value: what a read returned. */
  migrate_racing_fault: { cpages: number; fault: 'ok' | Signal; value?: number };
  device_read: { cpages: number; faults: number; data: number[] };
  device_write: { cpages: number; faults: number };
  snapshot: { cpages: number; prot: number[] };
  make_device_exclusive: { cpages: number; data: number[] };
  check_exclusive: Record<string, never>;
  mmap: { vpn: Vpn };
  munmap: Record<string, never>;
  mprotect: Record<string, never>;
  madvise_dontneed: Record<string, never>;
  cpu_read: { value: number };
  cpu_write: Record<string, never>;
  fork: { child: ProcId };
  exit: Record<string, never>;
  /** waiting: null once the hole is punched; the pfn of the busy DAX page the task sleeps on otherwise. */
  fallocate_punch_hole: { waiting: Pfn | null };
  fsync: Record<string, never>;
  /** Pages dropped from the page cache. */
  drop_caches: { dropped: number };
  /** status[0] of move_pages: moved, or the syscall's positive "not migrated" count (1), or the page's -errno. */
  move_pages: { status: MovePagesStatus };
  get_user_pages: { ref: RefId };
  pin_user_pages: { pin: PinId };
  put_page: Record<string, never>;
  unpin_user_page: Record<string, never>;
  mem_cgroup_create: { memcg: MemcgId };
  mem_cgroup_move_task: { moved: number };
  memory_failure: Record<string, never>;
  fail_next_alloc: Record<string, never>;
}

export type Signal = 'SIGBUS' | 'SIGSEGV';

/**
 * What move_pages reports for its one page (mm/migrate.c do_pages_move):
 * 'moved' (status[0] = the node), 'not-migrated' (migrate_pages failed: the
 * syscall returns 1, status untouched), or add_page_for_migration's error:
 * EFAULT (no migratable VMA, or follow_page found no page in an anonymous
 * VMA), ENOENT (none in a file VMA, or a ZONE_DEVICE page), EACCES (mapped
 * more than once without MPOL_MF_MOVE_ALL), EBUSY (not on an LRU list).
 */
export const MOVE_PAGES_STATUSES = ['moved', 'not-migrated', 'EFAULT', 'ENOENT', 'EACCES', 'EBUSY'] as const;
export type MovePagesStatus = (typeof MOVE_PAGES_STATUSES)[number];
export type OpFailure = { readonly errno: Errno } | { readonly signal: Signal };
export type OpResult<K extends OpName = OpName> = OpValues[K] | OpFailure;

export function isFailure(r: object): r is OpFailure {
  return 'errno' in r || 'signal' in r;
}

/**
 * A step run by a thread of its own (issue 12; models/kernel/threads.ts):
 * 'start' begins the operation as thread `id`, which runs to its first
 * interleaving point or its end; 'resume' continues the paused thread `id`
 * (the step then names the operation that thread runs).
 */
export interface ThreadMark {
  readonly id: string;
  readonly kind: 'start' | 'resume';
}

/** One step of a trace: an operation and its arguments; `thread` when a thread of its own runs it (absent: the main one, atomically). */
export type Step = { [K in OpName]: { readonly op: K; readonly args: OpArgs[K]; readonly thread?: ThreadMark } }[OpName];

/** The operations in the order of DESIGN.md §2, for listings and help. */
export const OP_NAMES: readonly OpName[] = [
  'memremap_pages',
  'memunmap_pages',
  'migrate_to_device',
  'migrate_to_ram',
  'migrate_device_range',
  'migrate_racing_fault',
  'device_read',
  'device_write',
  'snapshot',
  'make_device_exclusive',
  'check_exclusive',
  'mmap',
  'munmap',
  'mprotect',
  'madvise_dontneed',
  'cpu_read',
  'cpu_write',
  'fork',
  'exit',
  'fallocate_punch_hole',
  'fsync',
  'drop_caches',
  'move_pages',
  'get_user_pages',
  'pin_user_pages',
  'put_page',
  'unpin_user_page',
  'mem_cgroup_create',
  'mem_cgroup_move_task',
  'memory_failure',
  'fail_next_alloc',
];
