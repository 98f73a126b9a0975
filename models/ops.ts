// The operations (the Next relation's actions), named after the kernel entry
// points they model, with their argument shapes and results. Semantics are
// specified step by step in docs/operations.md and implemented twice:
// models/reference/ (the specification) and models/kernel/ (kernel-shaped).
import type { Errno, MemcgId, MemoryType, MmapKind, PgmapId, PinId, Prot, ProcId, RefId, Vpn, FileId } from './vocabulary.ts';

export interface OpArgs {
  /** `reserved`: pfns at the start the driver keeps for itself (an altmap: the vmemmap, a label area); default 0. */
  memremap_pages: { type: MemoryType; owner: string; npages: number; reserved?: number };
  memunmap_pages: { pgmap: PgmapId };
  migrate_to_device: { proc: ProcId; vpn: Vpn; npages: number; pgmap: PgmapId };
  migrate_to_ram: { proc: ProcId; vpn: Vpn; npages: number; pgmap: PgmapId };
  migrate_device_range: { pgmap: PgmapId };
  device_read: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  device_write: { proc: ProcId; vpn: Vpn; npages: number; owner: string; data: number[] };
  snapshot: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  make_device_exclusive: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  check_exclusive: { proc: ProcId; vpn: Vpn; npages: number; owner: string };
  mmap: { proc: ProcId; npages: number; kind: MmapKind; shared: boolean; prot: Prot; pgmap?: PgmapId; file?: FileId };
  munmap: { proc: ProcId; vpn: Vpn; npages: number };
  mprotect: { proc: ProcId; vpn: Vpn; npages: number; prot: Prot };
  cpu_read: { proc: ProcId; vpn: Vpn };
  cpu_write: { proc: ProcId; vpn: Vpn; value: number };
  fork: { proc: ProcId };
  exit: { proc: ProcId };
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
  device_read: { cpages: number; faults: number; data: number[] };
  device_write: { cpages: number; faults: number };
  snapshot: { cpages: number; prot: number[] };
  make_device_exclusive: { cpages: number; data: number[] };
  check_exclusive: Record<string, never>;
  mmap: { vpn: Vpn };
  munmap: Record<string, never>;
  mprotect: Record<string, never>;
  cpu_read: { value: number };
  cpu_write: Record<string, never>;
  fork: { child: ProcId };
  exit: Record<string, never>;
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
export type OpFailure = { readonly errno: Errno } | { readonly signal: Signal };
export type OpResult<K extends OpName = OpName> = OpValues[K] | OpFailure;

export function isFailure(r: object): r is OpFailure {
  return 'errno' in r || 'signal' in r;
}

/** One step of a trace: an operation and its arguments. */
export type Step = { [K in OpName]: { readonly op: K; readonly args: OpArgs[K] } }[OpName];

/** The operations in the order of DESIGN.md §2, for listings and help. */
export const OP_NAMES: readonly OpName[] = [
  'memremap_pages',
  'memunmap_pages',
  'migrate_to_device',
  'migrate_to_ram',
  'migrate_device_range',
  'device_read',
  'device_write',
  'snapshot',
  'make_device_exclusive',
  'check_exclusive',
  'mmap',
  'munmap',
  'mprotect',
  'cpu_read',
  'cpu_write',
  'fork',
  'exit',
  'get_user_pages',
  'pin_user_pages',
  'put_page',
  'unpin_user_page',
  'mem_cgroup_create',
  'mem_cgroup_move_task',
  'memory_failure',
  'fail_next_alloc',
];
