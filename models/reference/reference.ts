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
import { dropCaches } from './ops/drop-caches.ts';
import { exit } from './ops/exit.ts';
import { fallocatePunchHole } from './ops/fallocate-punch-hole.ts';
import { failNextAlloc } from './ops/fail-next-alloc.ts';
import { fork } from './ops/fork.ts';
import { fsync } from './ops/fsync.ts';
import { getUserPages } from './ops/get-user-pages.ts';
import { makeDeviceExclusive } from './ops/make-device-exclusive.ts';
import { memCgroupCreate } from './ops/mem-cgroup-create.ts';
import { memCgroupMoveTask } from './ops/mem-cgroup-move-task.ts';
import { memoryFailure } from './ops/memory-failure.ts';
import { memremapPages } from './ops/memremap-pages.ts';
import { memunmapPages } from './ops/memunmap-pages.ts';
import { migrateDeviceRange } from './ops/migrate-device-range.ts';
import { migrateRacingFault } from './ops/migrate-racing-fault.ts';
import { migrateToDevice } from './ops/migrate-to-device.ts';
import { migrateToRam } from './ops/migrate-to-ram.ts';
import { mmap } from './ops/mmap.ts';
import { movePages } from './ops/move-pages.ts';
import { madviseDontneed } from './ops/madvise-dontneed.ts';
import { mprotect } from './ops/mprotect.ts';
import { munmap } from './ops/munmap.ts';
import { pinUserPages } from './ops/pin-user-pages.ts';
import { putPage } from './ops/put-page.ts';
import { snapshot } from './ops/snapshot.ts';
import { unpinUserPage } from './ops/unpin-user-page.ts';
import { newCtx } from './draft.ts';
import { hasWokenTask, runWokenTasks } from './mm/run-woken-tasks.ts';

/** One specification per operation; a new OpName does not compile until it is here. */
export const REFERENCE_OPS: { readonly [K in OpName]: OpSpec<K> } = {
  memremap_pages: memremapPages,
  memunmap_pages: memunmapPages,
  migrate_to_device: migrateToDevice,
  migrate_to_ram: migrateToRam,
  migrate_device_range: migrateDeviceRange,
  migrate_racing_fault: migrateRacingFault,
  device_read: deviceRead,
  device_write: deviceWrite,
  snapshot,
  make_device_exclusive: makeDeviceExclusive,
  check_exclusive: checkExclusive,
  mmap,
  munmap,
  mprotect,
  madvise_dontneed: madviseDontneed,
  cpu_read: cpuRead,
  cpu_write: cpuWrite,
  fork,
  exit,
  fallocate_punch_hole: fallocatePunchHole,
  fsync,
  drop_caches: dropCaches,
  move_pages: movePages,
  get_user_pages: getUserPages,
  pin_user_pages: pinUserPages,
  put_page: putPage,
  unpin_user_page: unpinUserPage,
  mem_cgroup_create: memCgroupCreate,
  mem_cgroup_move_task: memCgroupMoveTask,
  memory_failure: memoryFailure,
  fail_next_alloc: failNextAlloc,
};

/**
 * A task the step woke (a hole punch whose DAX page went idle) runs once the
 * operation returns: its continuation is part of the step's outcome.
 */
function thenWokenTasks(era: Era, o: Outcome): Outcome {
  if (!hasWokenTask(o.state)) return o;
  const ctx = newCtx(era, o.state);
  runWokenTasks(ctx);
  return { result: o.result, state: ctx.s, events: [...o.events, ...ctx.events] };
}

function step(era: Era, state: AbsState, s: Step): readonly Outcome[] {
  const spec = REFERENCE_OPS[s.op] as (era: Era, state: AbsState, args: OpArgs[OpName]) => Outcome[];
  return spec(era, state, s.args).map((o) => thenWokenTasks(era, o));
}

export const reference: Specification = {
  init: initState,
  step,
  view: deriveView,
};
