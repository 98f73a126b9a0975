// A driver migration run as a thread (threads.ts): the HMM test driver's
// MIGRATE_TO_DEV / MIGRATE_TO_SYS ioctl, which may pause at three points in
// turn — past migrate_vma_collect_pmd's pte_unmap_unlock when collect
// replaced a present PTE by a migration entry, once migrate_vma_setup
// returned when its try_to_migrate unmapped another process's mapping,
// and inside __migrate_device_finalize when its one page moved.
import type { ThreadProgress } from '../model.ts';
import type { OpResult, Step } from '../ops.ts';
import { dmirror_migrate_pages, dmirror_migrate_rest } from './dmirror-migrate.ts';
import { dmirror_alloc_dst, dmirror_migrate_args, dmirror_migrate_to_device, dmirror_migrate_to_system, type Finalize, migrate_to_device_result } from './dmirror-ops.ts';
import { getPgmap, getProc } from './handles.ts';
import type { KernelState, KPgmap, KThread, MigrationLocals, Mirror, Proc, StaleTranslation } from './kstate.ts';
import { entryData, entryFrom, type MigrateEntry, movedCount } from './migrate-entry.ts';
import { finalize_publish, finalize_release } from './migrate-vma-pages.ts';

type Migration = Extract<Step, { op: 'migrate_to_device' | 'migrate_to_ram' }>;

/** Start a driver migration as thread `id`: to its end, or paused at collect's point or finalize's. */
export function migration_start(k: KernelState, id: string, step: Migration): ThreadProgress {
  const toDevice = step.op === 'migrate_to_device';
  const ok = dmirror_migrate_args(k, step.args, toDevice);
  if ('errno' in ok) return { done: true, result: ok };
  const run = pausing_finalize();
  // Armed for this call only: a collect that clears a present PTE stops the migration past pte_unmap_unlock.
  k.collectAt = {};
  let entries: MigrateEntry[] = [];
  let collected: { readonly stale: readonly StaleTranslation[] } | undefined;
  const setup = setup_armed(k, () => {
    try {
      const migrate = toDevice ? dmirror_migrate_to_device : dmirror_migrate_to_system;
      entries = migrate(k, ok.p, ok.pg, step.args.vpn, step.args.npages, undefined, run.finalize);
    } finally {
      collected = k.collectAt?.paused;
      k.collectAt = undefined;
    }
  });
  if (setup) return setup_paused(k, id, step, ok.p, entries);
  if (collected === undefined) return migration_end(k, id, step, ok, entries, run);
  const label = 'migrate_vma_collect_pmd: pte_unmap_unlock';
  k.threads.set(id, { id, op: step.op, args: step.args, label, collect: { proc: ok.p.num, entries: entries.map(entryData), stale: collected.stale } });
  return { done: false, label };
}

/** Run `body` armed for migrate_vma_setup's point (k.setupAt): did it stop there. */
function setup_armed(k: KernelState, body: () => void): boolean {
  k.setupAt = {};
  try {
    body();
    return k.setupAt.paused === true;
  } finally {
    k.setupAt = undefined;
  }
}

/** A migration stopped once migrate_vma_setup returned: thread `id` paused with what it collected. */
function setup_paused(k: KernelState, id: string, step: Pick<Migration, 'op' | 'args'>, p: Proc, entries: readonly MigrateEntry[]): ThreadProgress {
  const label = 'migrate_vma_setup: migrate_device_unmap';
  k.threads.set(id, { id, op: step.op, args: step.args, label, setup: { proc: p.num, entries: entries.map(entryData) } });
  return { done: false, label };
}

/**
 * The finalize of a migration run as a thread: a one-page migration whose
 * page moved stops between its publish and its release (`paused`); for a
 * migration to the device, `mirror` keeps what dmirror's page table maps
 * for each page that moved (migrate_to_device_result).
 */
function pausing_finalize(): { finalize: Finalize; paused?: MigrateEntry; mirror: [number, number][] } {
  const run: ReturnType<typeof pausing_finalize> = {
    mirror: [],
    finalize: (k, entries) => {
      for (const e of entries) if (e.migrate && !e.restored && e.dst >= 0) run.mirror.push([e.vpn, k.mem.data[e.dst] ?? 0]);
      for (const e of entries) {
        if (!finalize_publish(k, e)) continue;
        if (entries.length === 1) run.paused = e;
        else finalize_release(k, e);
      }
    },
  };
  return run;
}

/** A migration past its finalize: done with its result, or paused in it. */
function migration_end(
  k: KernelState,
  id: string,
  step: Pick<Migration, 'op' | 'args'>,
  at: { readonly p: Proc; readonly pg: KPgmap },
  entries: MigrateEntry[],
  run: ReturnType<typeof pausing_finalize>,
): ThreadProgress {
  const cpages = movedCount(entries);
  if (run.paused === undefined) return { done: true, result: migration_result(k, step, at, cpages, run.mirror) };
  const label = 'migrate_device_finalize: folio_putback_lru';
  k.threads.set(id, { id, op: step.op, args: step.args, label, migrate: { src: run.paused.src, dst: run.paused.dst, cpages, mirror: run.mirror } });
  return { done: false, label };
}

/** What the ioctl returns: the driver's check of the range to the device (its mmap_read_lock kept the VMA), the pages that moved back. */
function migration_result(k: KernelState, step: Pick<Migration, 'op' | 'args'>, at: { readonly p: Proc; readonly pg: KPgmap }, cpages: number, mirror: Mirror): OpResult {
  return step.op === 'migrate_to_device' ? migrate_to_device_result(k, step.args, at.p, at.pg, mirror) : { cpages };
}

/**
 * A migration paused in migrate_vma_collect_pmd goes on: its
 * flush_tlb_range (the stale translations go with its locals), then
 * migrate_device_unmap and the rest of the chunk, to its end or finalize's
 * point. Its process and pgmap are still there: nothing that removes them
 * runs while it is paused (collect_blocks).
 */
export function collect_resume(k: KernelState, t: Extract<KThread, { collect: unknown }>): ThreadProgress {
  const { at, run, entries, allocDst } = resumed(k, t, t.collect);
  const setup = setup_armed(k, () => dmirror_migrate_rest(k, entries, -1, allocDst, undefined, run.finalize));
  if (setup) return setup_paused(k, t.id, t, at.p, entries);
  return migration_end(k, t.id, t, at, entries, run);
}

/**
 * A migration paused once migrate_vma_setup returned goes on: the driver's
 * allocation and copy, migrate_vma_pages and finalize, to its end or
 * finalize's point. Its process and pgmap are still there (setup_blocks).
 */
export function setup_resume(k: KernelState, t: Extract<KThread, { setup: unknown }>): ThreadProgress {
  const { at, run, entries, allocDst } = resumed(k, t, t.setup);
  dmirror_migrate_pages(k, entries, -1, allocDst, run.finalize);
  return migration_end(k, t.id, t, at, entries, run);
}

/** What a migration paused in collect or past setup goes on with: its process and pgmap, its entries, a finalize that may pause, the driver's allocator. */
function resumed(k: KernelState, t: Pick<Migration, 'op' | 'args'> & { readonly id: string }, locals: MigrationLocals) {
  const p = k.procs.get(locals.proc);
  const pg = getPgmap(k, t.args.pgmap);
  if (p === undefined || pg === undefined) throw new Error(`${t.id}: the process or pgmap of a paused migration is gone`);
  const entries = locals.entries.map((d) => entryFrom(k.procs, d));
  return { at: { p, pg }, run: pausing_finalize(), entries, allocDst: dmirror_alloc_dst(k, pg, t.op === 'migrate_to_device') };
}

/** A migration paused in finalize goes on: the entry's folio_puts, then the ioctl's result. */
export function finalize_resume(k: KernelState, t: Extract<KThread, { migrate: unknown }>): OpResult {
  finalize_release(k, { src: t.migrate.src, dst: t.migrate.dst });
  const p = getProc(k, t.args.proc);
  const pg = getPgmap(k, t.args.pgmap);
  return p && pg ? migration_result(k, t, { p, pg }, t.migrate.cpages, t.migrate.mirror) : { errno: 'EINVAL' };
}
