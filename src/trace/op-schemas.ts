// One table, keyed by OpName, of every operation's argument fields (required
// or optional, with their types) and result fields (what `expect` may name).
// Typed against models/ops.ts, so an operation or argument added there does
// not compile until it is described here.
import { MOVE_PAGES_STATUSES, type OpArgs, type OpName, type OpValues } from '../../models/ops.ts';
import { MEMORY_TYPES, MMAP_KINDS, PROTS } from '../../models/vocabulary.ts';
import { BOOLEAN, COUNT, INT, INT_LIST, STRING, handle, nullable, oneOf, type FieldType } from './field-type.ts';

export interface ArgSpec {
  readonly type: FieldType;
  readonly optional?: true;
}

export interface OpSchema<K extends OpName = OpName> {
  readonly args: { readonly [F in keyof OpArgs[K]]-?: ArgSpec };
  readonly results: { readonly [F in keyof OpValues[K]]-?: FieldType };
  /** Result fields a successful step may lack (the value of a racing load that never ran). */
  readonly optionalResults?: readonly (keyof OpValues[K] & string)[];
  /** A rule across fields, or undefined when the arguments agree. */
  readonly across?: (args: Readonly<Record<string, unknown>>) => string | undefined;
}

const req = (type: FieldType): ArgSpec => ({ type });
const opt = (type: FieldType): ArgSpec => ({ type, optional: true });

const proc = req(handle('p'));
const vpn = req(COUNT);
const npages = req(COUNT);
const pgmap = req(handle('pgmap'));
const owner = req(STRING);
const range = { proc, vpn, npages };
const deviceRange = { ...range, owner };
const cpages = { cpages: COUNT };

export const OP_SCHEMAS: { readonly [K in OpName]: OpSchema<K> } = {
  memremap_pages: {
    args: { type: req(oneOf(MEMORY_TYPES)), owner, npages, reserved: opt(COUNT) },
    results: { pgmap: handle('pgmap') },
    // pgmap_pfn_valid: the altmap cannot take the whole range.
    across: (args) => (typeof args.reserved === 'number' && typeof args.npages === 'number' && args.reserved >= args.npages ? 'reserved must leave at least one page: reserved < npages' : undefined),
  },
  memunmap_pages: { args: { pgmap }, results: {} },
  migrate_to_device: { args: { ...range, pgmap }, results: { ...cpages, data: INT_LIST } },
  migrate_to_ram: { args: { ...range, pgmap }, results: cpages },
  migrate_device_range: { args: { pgmap }, results: cpages },
  migrate_racing_fault: {
    args: { ...range, pgmap, to: req(oneOf(['device', 'ram'])), faultProc: req(handle('p')), faultVpn: req(COUNT), write: req(BOOLEAN), value: opt(INT) },
    results: { ...cpages, fault: oneOf(['ok', 'SIGBUS', 'SIGSEGV']), value: INT },
    // A store, or a load that faulted, returns no value.
    optionalResults: ['value'],
    // The racing access is a load, or a store of `value`.
    across: (args) => ((args.write === true) !== 'value' in args ? 'a write needs a value and a read takes none: value is given exactly when write is true' : undefined),
  },
  device_read: { args: deviceRange, results: { ...cpages, faults: COUNT, data: INT_LIST } },
  device_write: { args: { ...deviceRange, data: req(INT_LIST) }, results: { ...cpages, faults: COUNT } },
  snapshot: { args: deviceRange, results: { ...cpages, prot: INT_LIST } },
  make_device_exclusive: { args: deviceRange, results: { ...cpages, data: INT_LIST } },
  check_exclusive: { args: deviceRange, results: {} },
  mmap: {
    args: {
      proc,
      npages,
      kind: req(oneOf(MMAP_KINDS)),
      shared: req(BOOLEAN),
      prot: req(oneOf(PROTS)),
      pgmap: opt(handle('pgmap')),
      file: opt(handle('f')),
    },
    results: { vpn: COUNT },
  },
  munmap: { args: range, results: {} },
  mprotect: { args: { ...range, prot: req(oneOf(PROTS)) }, results: {} },
  madvise_dontneed: { args: range, results: {} },
  cpu_read: { args: { proc, vpn }, results: { value: INT } },
  cpu_write: { args: { proc, vpn, value: req(INT) }, results: {} },
  fork: { args: { proc }, results: { child: handle('p') } },
  exit: { args: { proc }, results: {} },
  fallocate_punch_hole: { args: { file: req(handle('f')), index: req(COUNT), npages }, results: { waiting: nullable(COUNT) } },
  fsync: { args: { file: req(handle('f')) }, results: {} },
  drop_caches: { args: {}, results: { dropped: COUNT } },
  move_pages: { args: { proc, vpn, moveAll: req(BOOLEAN) }, results: { status: oneOf(MOVE_PAGES_STATUSES) } },
  get_user_pages: { args: { proc, vpn, write: req(BOOLEAN), fast: req(BOOLEAN) }, results: { ref: handle('ref') } },
  pin_user_pages: {
    args: { proc, vpn, write: req(BOOLEAN), longterm: req(BOOLEAN), fast: req(BOOLEAN) },
    results: { pin: handle('pin') },
  },
  put_page: { args: { ref: req(handle('ref')) }, results: {} },
  unpin_user_page: { args: { pin: req(handle('pin')) }, results: {} },
  mem_cgroup_create: { args: {}, results: { memcg: handle('m') } },
  mem_cgroup_move_task: {
    args: { proc, memcg: req(handle('m')), moveCharge: req(BOOLEAN) },
    results: { moved: COUNT },
  },
  memory_failure: {
    args: { proc: opt(handle('p')), vpn: opt(COUNT), pgmap: opt(handle('pgmap')), index: opt(COUNT), countIncreased: req(BOOLEAN) },
    results: {},
    // memory_failure(pfn) needs one way to name the frame.
    across: (args) => {
      const byPage = 'proc' in args || 'vpn' in args;
      const byPgmap = 'pgmap' in args || 'index' in args;
      if (byPage && byPgmap) return 'give either proc and vpn, or pgmap and index, not both';
      if (byPage && !('proc' in args && 'vpn' in args)) return 'proc and vpn go together';
      if (byPgmap && !('pgmap' in args && 'index' in args)) return 'pgmap and index go together';
      if (!byPage && !byPgmap) return 'needs proc and vpn, or pgmap and index';
      return undefined;
    },
  },
  fail_next_alloc: { args: { where: req(oneOf(['device', 'system'])) }, results: {} },
};

export function opSchema(op: OpName): OpSchema {
  return OP_SCHEMAS[op] as OpSchema;
}
