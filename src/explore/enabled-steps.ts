// enabledSteps: every step of the Next relation (models/ops.ts) over the
// bounded domain of one state, in a fixed order — what `zdspec explore`
// tries from each state. One enumerator per operation; the table does not
// compile until every operation has one.
import type { Era } from '../../models/eras/era.ts';
import type { OpName, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import type { ExploreBounds } from './bounds.ts';
import { type Domain, domainOf } from './domain.ts';
import * as driver from './enabled/driver.ts';
import * as files from './enabled/files.ts';
import * as gup from './enabled/gup.ts';
import * as memcg from './enabled/memcg.ts';
import * as process from './enabled/process.ts';

export const ENABLED = {
  memremap_pages: driver.memremap_pages,
  memunmap_pages: driver.memunmap_pages,
  migrate_to_device: driver.migrate_to_device,
  migrate_to_ram: driver.migrate_to_ram,
  migrate_device_range: driver.migrate_device_range,
  migrate_racing_fault: driver.migrate_racing_fault,
  device_read: driver.device_read,
  device_write: driver.device_write,
  snapshot: driver.snapshot,
  make_device_exclusive: driver.make_device_exclusive,
  check_exclusive: driver.check_exclusive,
  mmap: process.mmap,
  munmap: process.munmap,
  mprotect: process.mprotect,
  madvise_dontneed: process.madvise_dontneed,
  cpu_read: process.cpu_read,
  cpu_write: process.cpu_write,
  fork: process.fork,
  exit: process.exit,
  move_pages: process.move_pages,
  fallocate_punch_hole: files.fallocate_punch_hole,
  fsync: files.fsync,
  drop_caches: files.drop_caches,
  get_user_pages: gup.get_user_pages,
  pin_user_pages: gup.pin_user_pages,
  put_page: gup.put_page,
  unpin_user_page: gup.unpin_user_page,
  mem_cgroup_create: memcg.mem_cgroup_create,
  mem_cgroup_move_task: memcg.mem_cgroup_move_task,
  memory_failure: memcg.memory_failure,
  fail_next_alloc: memcg.fail_next_alloc,
} as const satisfies Record<OpName, (d: Domain) => Step[]>;

const OPS = Object.keys(ENABLED) as OpName[];

/** The steps tried from `s`; `ops` narrows them to some operations; `pending`: the steps of paused threads (their values are held too). */
export function enabledSteps(s: AbsState, era: Era, bounds: ExploreBounds, ops: readonly OpName[] = OPS, pending: readonly Step[] = []): Step[] {
  const d = domainOf(s, era, bounds, pending);
  return ops.flatMap((op) => ENABLED[op](d));
}
