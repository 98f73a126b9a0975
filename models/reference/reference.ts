// The specification (DESIGN §3): abstract state, every allowed outcome of
// every operation (docs/operations.md), counters derived from the state and
// the era (models/derive/), never stored.
import type { Era } from '../eras/era.ts';
import { deriveView } from '../derive/derive-view.ts';
import type { Outcome, Specification } from '../model.ts';
import type { OpArgs, OpName, Step } from '../ops.ts';
import type { AbsState } from '../state.ts';
import { initState } from './init-state.ts';
import type { OpSpec } from './op-spec.ts';
import { checkExclusive } from './ops/check-exclusive.ts';
import { cpuRead } from './ops/cpu-read.ts';
import { cpuWrite } from './ops/cpu-write.ts';
import { deviceRead } from './ops/device-read.ts';
import { deviceWrite } from './ops/device-write.ts';
import { exit } from './ops/exit.ts';
import { failNextAlloc } from './ops/fail-next-alloc.ts';
import { fork } from './ops/fork.ts';
import { getUserPages } from './ops/get-user-pages.ts';
import { makeDeviceExclusive } from './ops/make-device-exclusive.ts';
import { memCgroupCreate } from './ops/mem-cgroup-create.ts';
import { memCgroupMoveTask } from './ops/mem-cgroup-move-task.ts';
import { memoryFailure } from './ops/memory-failure.ts';
import { memremapPages } from './ops/memremap-pages.ts';
import { memunmapPages } from './ops/memunmap-pages.ts';
import { migrateDeviceRange } from './ops/migrate-device-range.ts';
import { migrateToDevice } from './ops/migrate-to-device.ts';
import { migrateToRam } from './ops/migrate-to-ram.ts';
import { mmap } from './ops/mmap.ts';
import { mprotect } from './ops/mprotect.ts';
import { munmap } from './ops/munmap.ts';
import { pinUserPages } from './ops/pin-user-pages.ts';
import { putPage } from './ops/put-page.ts';
import { snapshot } from './ops/snapshot.ts';
import { unpinUserPage } from './ops/unpin-user-page.ts';

/** One specification per operation; a new OpName does not compile until it is here. */
export const REFERENCE_OPS: { readonly [K in OpName]: OpSpec<K> } = {
  memremap_pages: memremapPages,
  memunmap_pages: memunmapPages,
  migrate_to_device: migrateToDevice,
  migrate_to_ram: migrateToRam,
  migrate_device_range: migrateDeviceRange,
  device_read: deviceRead,
  device_write: deviceWrite,
  snapshot,
  make_device_exclusive: makeDeviceExclusive,
  check_exclusive: checkExclusive,
  mmap,
  munmap,
  mprotect,
  cpu_read: cpuRead,
  cpu_write: cpuWrite,
  fork,
  exit,
  get_user_pages: getUserPages,
  pin_user_pages: pinUserPages,
  put_page: putPage,
  unpin_user_page: unpinUserPage,
  mem_cgroup_create: memCgroupCreate,
  mem_cgroup_move_task: memCgroupMoveTask,
  memory_failure: memoryFailure,
  fail_next_alloc: failNextAlloc,
};

function step(era: Era, state: AbsState, s: Step): readonly Outcome[] {
  const spec = REFERENCE_OPS[s.op] as (era: Era, state: AbsState, args: OpArgs[OpName]) => Outcome[];
  return spec(era, state, s.args);
}

export const reference: Specification = {
  init: initState,
  step,
  view: deriveView,
};
