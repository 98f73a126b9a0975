// Which memory type a step is about, read off the kernel model's state
// before the step: the pgmap's type for the driver's pgmap operations (a
// migration counts under the device memory it moves to or from), the frame
// behind the PTE at the step's (proc, vpn) for the operations on an address,
// the frame a GUP handle holds, the page a file operation touches; 'none'
// when there is no such frame. `satisfies Record<OpName, …>`: an operation
// added to models/ops.ts does not compile until it says what it is about.
import type { OpArgs, OpName, Step } from '../../../models/ops.ts';
import type { AbsState } from '../../../models/state.ts';
import type { FileId, PgmapId, Pfn, ProcId, Vpn } from '../../../models/vocabulary.ts';
import type { Column } from './counts.ts';

const frame = (s: AbsState, pfn: Pfn | undefined): Column => (pfn === undefined ? 'none' : (s.frames[pfn]?.type ?? 'none'));
const pgmap = (s: AbsState, id: PgmapId | undefined): Column => (id === undefined ? 'none' : (s.pgmaps[id]?.type ?? 'none'));
const at = (s: AbsState, a: { readonly proc: ProcId; readonly vpn: Vpn }): Column => frame(s, s.procs[a.proc]?.ptes[a.vpn]?.pfn);

/** A dax file is its pgmap's memory; another file's page is the page cached at `index`. */
function filePage(s: AbsState, file: FileId, index: number | undefined): Column {
  const f = s.files[file];
  if (f === undefined) return 'none';
  if (f.kind === 'dax') {
    for (const p of Object.values(s.pgmaps)) if (p.file === file) return p.type;
    return 'none';
  }
  if (index !== undefined) return frame(s, f.pages[index]);
  for (const pfn of Object.values(f.pages)) return frame(s, pfn);
  return 'none';
}

const none = (): Column => 'none';

const SUBJECT = {
  memremap_pages: (a) => a.type,
  memunmap_pages: (a, s) => pgmap(s, a.pgmap),
  migrate_to_device: (a, s) => pgmap(s, a.pgmap),
  migrate_to_ram: (a, s) => pgmap(s, a.pgmap),
  migrate_device_range: (a, s) => pgmap(s, a.pgmap),
  migrate_racing_fault: (a, s) => pgmap(s, a.pgmap),
  device_read: (a, s) => at(s, a),
  device_write: (a, s) => at(s, a),
  snapshot: (a, s) => at(s, a),
  make_device_exclusive: (a, s) => at(s, a),
  check_exclusive: (a, s) => at(s, a),
  mmap: (a, s) => pgmap(s, a.pgmap),
  munmap: (a, s) => at(s, a),
  mprotect: (a, s) => at(s, a),
  madvise_dontneed: (a, s) => at(s, a),
  cpu_read: (a, s) => at(s, a),
  cpu_write: (a, s) => at(s, a),
  fork: none,
  exit: none,
  fallocate_punch_hole: (a, s) => filePage(s, a.file, a.index),
  fsync: (a, s) => filePage(s, a.file, undefined),
  drop_caches: none,
  move_pages: (a, s) => at(s, a),
  get_user_pages: (a, s) => at(s, a),
  pin_user_pages: (a, s) => at(s, a),
  put_page: (a, s) => frame(s, s.refs[a.ref]?.pfn),
  unpin_user_page: (a, s) => frame(s, s.pins[a.pin]?.pfn),
  mem_cgroup_create: none,
  mem_cgroup_move_task: none,
  memory_failure: (a, s) => {
    if (a.pgmap !== undefined && a.index !== undefined) {
      const p = s.pgmaps[a.pgmap];
      return p === undefined ? 'none' : frame(s, p.start + a.index);
    }
    return a.proc !== undefined && a.vpn !== undefined ? at(s, { proc: a.proc, vpn: a.vpn }) : 'none';
  },
  fail_next_alloc: none,
} as const satisfies { readonly [K in OpName]: (a: OpArgs[K], s: AbsState) => Column };

/** The column of `step` on the state it ran on. */
export function subjectOf(step: Step, before: AbsState): Column {
  return (SUBJECT[step.op] as (a: OpArgs[OpName], s: AbsState) => Column)(step.args, before);
}
