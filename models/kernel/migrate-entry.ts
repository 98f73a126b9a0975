// One src/dst pair of a device migration (migrate->src[i] / dst[i] with
// their MIGRATE_PFN_* bits) and the caller's selection (mm/migrate_device.c).
// Shared by the dmirror driver, do_swap_page's migrate_to_ram,
// migrate_device_range and GUP's migrate_device_coherent_folio.
import type { Proc } from './kstate.ts';

export interface MigrateEntry {
  /** Source slot; -1 for a hole to populate. */
  src: number;
  dst: number;
  /** MIGRATE_PFN_MIGRATE. */
  migrate: boolean;
  /** Already put back by migrate_device_unmap's restore pass (src[i] = 0). */
  restored: boolean;
  /** For holes: where to insert. */
  proc: Proc | null;
  vpn: number;
  /** MIGRATE_PFN_WRITE. */
  write: boolean;
  /** rmap keys of the migration entries standing in for the source's mappings. */
  migrations: number[];
  wasLru: boolean;
  /** A task waiting on one of its migration entries holds a page reference through the checks (v4.14 migration_entry_wait). */
  waiter: boolean;
}

/** MIGRATE_VMA_SELECT_* and migrate->pgmap_owner (null: no owner checks, before ~v5.7). */
export interface MigrateSelect {
  readonly system: boolean;
  readonly devicePrivate: boolean;
  readonly deviceCoherent: boolean;
  readonly owner: string | null;
}

export function newEntry(src: number, proc: Proc | null, vpn: number, write: boolean): MigrateEntry {
  return { src, dst: -1, migrate: true, restored: false, proc, vpn, write, migrations: [], wasLru: false, waiter: false };
}

/** A MigrateEntry as plain data (a paused thread's locals, threads.ts): the process by number. */
export type MigrateEntryData = Readonly<Omit<MigrateEntry, 'proc' | 'migrations'>> & { readonly proc: number | null; readonly migrations: readonly number[] };

export const entryData = (e: MigrateEntry): MigrateEntryData => ({ ...e, proc: e.proc?.num ?? null, migrations: [...e.migrations] });

/** The entry again, its process looked up in `procs` (a fresh object: the saved one is never changed). */
export const entryFrom = (procs: ReadonlyMap<number, Proc>, d: MigrateEntryData): MigrateEntry => ({
  ...d,
  proc: d.proc === null ? null : (procs.get(d.proc) ?? null),
  migrations: [...d.migrations],
});

/** Entries that moved (the driver's cpages). */
export const movedCount = (entries: readonly MigrateEntry[]): number => entries.filter((e) => e.migrate && !e.restored).length;
