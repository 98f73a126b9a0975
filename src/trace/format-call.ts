// A step printed as the kernel call it models, with its result, so a trace
// or counterexample reads like a call trace:
//   pin_user_pages(p0, vpn 2, FOLL_LONGTERM|FOLL_WRITE) = pin0
//   migrate_to_device(p0, vpn 0, 4, pgmap0) = cpages 4
//   cpu_read(p0, vpn 3) = SIGBUS
// One formatter per operation, in a table keyed by OpName.
import type { OpArgs, OpName, OpResult, OpValues, Step } from '../../models/ops.ts';
import { HMM_DMIRROR_PROT, KERNEL_TYPE_NAME, type Prot } from '../../models/vocabulary.ts';

interface CallFormat<K extends OpName> {
  /** The function name when it is not the op name (the _fast GUP variants). */
  readonly name?: (args: OpArgs[K]) => string;
  readonly args: (args: OpArgs[K]) => readonly string[];
  /** The success value; absent: the call returns 0. */
  readonly value?: (value: OpValues[K]) => string;
}

const at = (a: { proc: string; vpn: number }) => [a.proc, `vpn ${a.vpn}`];
const range = (a: { proc: string; vpn: number; npages: number }) => [...at(a), String(a.npages)];
const owner = (o: string) => `owner ${JSON.stringify(o)}`;
const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;
const cpages = (v: { cpages: number }) => `cpages ${v.cpages}`;
const PROT_FLAGS: Record<Prot, string> = { none: 'PROT_NONE', read: 'PROT_READ', write: 'PROT_READ|PROT_WRITE' };

function gupFlags(a: { write: boolean; longterm?: boolean }): string {
  const flags = [...(a.longterm ? ['FOLL_LONGTERM'] : []), ...(a.write ? ['FOLL_WRITE'] : [])];
  return flags.length ? flags.join('|') : '0';
}

/** One HMM_DMIRROR_PROT byte as its flag names (lib/test_hmm_uapi.h). */
export function snapshotProt(byte: number): string {
  if (byte === HMM_DMIRROR_PROT.ERROR) return 'ERROR';
  const categories = ['DEV_COHERENT_REMOTE', 'DEV_COHERENT_LOCAL', 'DEV_PRIVATE_REMOTE', 'DEV_PRIVATE_LOCAL', 'ZERO'] as const;
  const category = categories.find((c) => (byte & 0xf0) === HMM_DMIRROR_PROT[c]);
  const perms = (['READ', 'WRITE'] as const).filter((p) => byte & HMM_DMIRROR_PROT[p]);
  const names = [...(category ? [category] : []), ...perms];
  return names.length ? names.join('|') : 'NONE';
}

const FORMATS: { readonly [K in OpName]: CallFormat<K> } = {
  memremap_pages: {
    args: (a) => [KERNEL_TYPE_NAME[a.type], owner(a.owner), String(a.npages), ...(a.reserved ? [`altmap reserve ${a.reserved}`] : [])],
    value: (v) => v.pgmap,
  },
  memunmap_pages: { args: (a) => [a.pgmap] },
  migrate_to_device: { args: (a) => [...range(a), a.pgmap], value: cpages },
  migrate_to_ram: { args: (a) => [...range(a), a.pgmap], value: cpages },
  migrate_device_range: { args: (a) => [a.pgmap], value: cpages },
  migrate_racing_fault: {
    // The ioctl and, racing it, the CPU access: migrate_to_device(p0, vpn 0, 1, pgmap0, racing cpu_read(p1, vpn 0)).
    name: (a) => (a.to === 'device' ? 'migrate_to_device' : 'migrate_to_ram'),
    args: (a) => [...range(a), a.pgmap, a.write ? `racing cpu_write(${a.faultProc}, vpn ${a.faultVpn}, ${a.value ?? '?'})` : `racing cpu_read(${a.faultProc}, vpn ${a.faultVpn})`],
    value: (v) => `${cpages(v)}, access ${v.fault === 'ok' ? (v.value === undefined ? 'ok' : String(v.value)) : v.fault}`,
  },
  device_read: { args: (a) => [...range(a), owner(a.owner)], value: (v) => `${cpages(v)}, faults ${v.faults}, data ${list(v.data)}` },
  device_write: { args: (a) => [...range(a), owner(a.owner), `data ${list(a.data)}`], value: (v) => `${cpages(v)}, faults ${v.faults}` },
  snapshot: { args: (a) => [...range(a), owner(a.owner)], value: (v) => `${cpages(v)}, prot [${v.prot.map(snapshotProt).join(', ')}]` },
  make_device_exclusive: { args: (a) => [...range(a), owner(a.owner)], value: (v) => `${cpages(v)}, data ${list(v.data)}` },
  check_exclusive: { args: (a) => [...range(a), owner(a.owner)] },
  mmap: {
    args: (a) => [
      a.proc,
      String(a.npages),
      a.kind,
      a.shared ? 'MAP_SHARED' : 'MAP_PRIVATE',
      PROT_FLAGS[a.prot],
      ...(a.pgmap === undefined ? [] : [a.pgmap]),
      ...(a.file === undefined ? [] : [a.file]),
    ],
    value: (v) => `vpn ${v.vpn}`,
  },
  munmap: { args: range },
  mprotect: { args: (a) => [...range(a), PROT_FLAGS[a.prot]] },
  madvise_dontneed: { name: () => 'madvise', args: (a) => [...range(a), 'MADV_DONTNEED'] },
  cpu_read: { args: at, value: (v) => String(v.value) },
  cpu_write: { args: (a) => [...at(a), String(a.value)] },
  fork: { args: (a) => [a.proc], value: (v) => v.child },
  exit: { args: (a) => [a.proc] },
  fallocate_punch_hole: {
    name: () => 'fallocate',
    args: (a) => [a.file, 'FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE', `index ${a.index}`, String(a.npages)],
    value: (v) => (v.waiting === null ? '0' : `waiting on pfn ${v.waiting}`),
  },
  fsync: { args: (a) => [a.file] },
  drop_caches: { args: () => [], value: (v) => `dropped ${v.dropped}` },
  move_pages: { args: (a) => [...at(a), a.moveAll ? 'MPOL_MF_MOVE_ALL' : 'MPOL_MF_MOVE'], value: (v) => `status ${v.status}` },
  get_user_pages: { name: (a) => (a.fast ? 'get_user_pages_fast' : 'get_user_pages'), args: (a) => [...at(a), gupFlags(a)], value: (v) => v.ref },
  pin_user_pages: { name: (a) => (a.fast ? 'pin_user_pages_fast' : 'pin_user_pages'), args: (a) => [...at(a), gupFlags(a)], value: (v) => v.pin },
  put_page: { args: (a) => [a.ref] },
  unpin_user_page: { args: (a) => [a.pin] },
  mem_cgroup_create: { args: () => [], value: (v) => v.memcg },
  mem_cgroup_move_task: { args: (a) => [a.proc, a.memcg, a.moveCharge ? 'move_charge' : 'no_move_charge'], value: (v) => `moved ${v.moved}` },
  memory_failure: {
    args: (a) => [...(a.pgmap === undefined ? [a.proc ?? '?', `vpn ${a.vpn ?? '?'}`] : [a.pgmap, `index ${a.index ?? '?'}`]), a.countIncreased ? 'MF_COUNT_INCREASED' : '0'],
  },
  fail_next_alloc: { args: (a) => [a.where] },
};

/** The result after "= ": -EBUSY, SIGBUS, a handle, a value, or 0. */
export function formatResult(step: Step, result: OpResult): string {
  if ('errno' in result) return `-${result.errno}`;
  if ('signal' in result) return result.signal;
  const format = FORMATS[step.op] as CallFormat<OpName>;
  return format.value ? format.value(result as never) : '0';
}

/** The call without its result: `cpu_read(p0, vpn 3)`. */
export function formatCallOnly(step: Step): string {
  const format = FORMATS[step.op] as CallFormat<OpName>;
  const args = step.args as never;
  return `${format.name?.(args) ?? step.op}(${format.args(args).join(', ')})`;
}

/** `cpu_read(p0, vpn 3) = 7`, or just the call when there is no result yet. */
export function formatCall(step: Step, result?: OpResult): string {
  const call = formatCallOnly(step);
  return result === undefined ? call : `${call} = ${formatResult(step, result)}`;
}
