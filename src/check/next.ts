// The Next relation: every operation of models/ops.ts as a fast-check
// command, with how often it is generated. A counterexample is a sequence of
// these; the weights favour what the seeds' bugs need (device memory,
// migration, long-term pins) without starving the rest.
import type fc from 'fast-check';
import type { Era } from '../../models/eras/era.ts';
import type { OpName, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import type { CommandSpec } from './command-spec.ts';
import * as driver from './commands/driver.ts';
import * as files from './commands/files.ts';
import * as faults from './commands/faults.ts';
import * as gup from './commands/gup.ts';
import * as memcg from './commands/memcg.ts';
import * as process from './commands/process.ts';

/** A command with its choice type erased: choices bound to their resolver. */
export interface NextEntry {
  readonly op: OpName;
  readonly weight: number;
  readonly generate: (era: Era) => fc.Arbitrary<BoundChoices>;
}

export interface BoundChoices {
  readonly choices: unknown;
  readonly resolve: (state: AbsState, era: Era) => Step | undefined;
}

function entry<C>(spec: CommandSpec<C>, weight: number): NextEntry {
  return {
    op: spec.op,
    weight,
    generate: (era) => spec.choices(era).map((choices) => ({ choices, resolve: (s, e) => spec.resolve(choices, s, e) })),
  };
}

// `satisfies Record<OpName, …>`: an operation added to models/ops.ts does not
// compile until it has a command here.
export const NEXT = {
  // Driver and device.
  memremap_pages: entry(driver.memremap_pages, 6),
  memunmap_pages: entry(driver.memunmap_pages, 2),
  migrate_to_device: entry(driver.migrate_to_device, 10),
  migrate_to_ram: entry(driver.migrate_to_ram, 4),
  // Eviction by pfn range from v6.1; before, the same turn evicts over a VMA (driver.ts).
  migrate_device_range: entry(driver.migrate_device_range, 4),
  // A CPU access landing on the migration entries of a migration in flight.
  migrate_racing_fault: entry(driver.migrate_racing_fault, 1),
  device_read: entry(driver.device_read, 4),
  device_write: entry(driver.device_write, 4),
  snapshot: entry(driver.snapshot, 2),
  make_device_exclusive: entry(driver.make_device_exclusive, 2),
  check_exclusive: entry(driver.check_exclusive, 2),
  // Process.
  mmap: entry(process.mmap, 8),
  munmap: entry(process.munmap, 2),
  mprotect: entry(process.mprotect, 2),
  madvise_dontneed: entry(process.madvise_dontneed, 2),
  cpu_read: entry(process.cpu_read, 4),
  cpu_write: entry(process.cpu_write, 6),
  fork: entry(process.fork, 4),
  exit: entry(process.exit, 2),
  move_pages: entry(process.move_pages, 1),
  // Files: holes, writeback, dropping clean page cache (lost dirty bits show here).
  fallocate_punch_hole: entry(files.fallocate_punch_hole, 1),
  fsync: entry(files.fsync, 1),
  drop_caches: entry(files.drop_caches, 1),
  // GUP.
  get_user_pages: entry(gup.get_user_pages, 4),
  pin_user_pages: entry(gup.pin_user_pages, 8),
  put_page: entry(gup.put_page, 4),
  unpin_user_page: entry(gup.unpin_user_page, 4),
  // memcg.
  mem_cgroup_create: entry(memcg.mem_cgroup_create, 2),
  mem_cgroup_move_task: entry(memcg.mem_cgroup_move_task, 4),
  // Faults.
  memory_failure: entry(faults.memory_failure, 4),
  fail_next_alloc: entry(faults.fail_next_alloc, 2),
} as const satisfies Record<OpName, NextEntry>;

export const NEXT_OPS = Object.keys(NEXT) as OpName[];
