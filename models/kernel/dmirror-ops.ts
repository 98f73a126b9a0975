// The HMM test driver's migration ioctls (lib/test_hmm.c):
// HMM_DMIRROR_MIGRATE_TO_DEV and HMM_DMIRROR_MIGRATE_TO_SYS.
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import type { Errno } from '../vocabulary.ts';
import { dmirror_devmem_alloc_page, dmirror_migrate_chunk } from './dmirror-migrate.ts';
import { getPgmap, getProc, npagesOk, vpnOk } from './handles.ts';
import { type KernelState, type KPgmap, type Mirror, type Proc, page_pgmap, slotOf, vma_lookup } from './kstate.ts';
import { type MigrateEntry, type MigrateSelect, movedCount } from './migrate-entry.ts';
import type { MigrationRacer } from './migrate-vma-collect.ts';
import { alloc_page } from './page-alloc.ts';
import { MAP_BY } from '../map-by.ts';

type Range = { readonly proc: unknown; readonly vpn: number; readonly npages: number; readonly pgmap: unknown };

/** migrate_vma_setup's argument checks as the driver sees them: a VMA everywhere, accessible, not DAX. */
function migrate_range_ok(p: Proc, vpn: number, npages: number): boolean {
  for (let v = vpn; v < vpn + npages; v++) {
    const vma = vma_lookup(p, v);
    if (!vma || vma.prot === 'none' || vma.kind === 'dax') return false;
  }
  return true;
}

/** The ioctls' checks: the process, a pgmap pages migrate into (alive for MIGRATE_TO_DEV), the range. */
export function dmirror_migrate_args(k: KernelState, a: Range, toDevice: boolean): { p: Proc; pg: KPgmap } | { readonly errno: Errno } {
  const p = getProc(k, a.proc);
  if (!p) return { errno: 'ESRCH' };
  const pg = getPgmap(k, a.pgmap);
  if (!pg || (toDevice && pg.killed) || MAP_BY[pg.type] !== 'migrate') return { errno: 'EINVAL' };
  if (!npagesOk(a.npages) || !vpnOk(a.vpn) || !migrate_range_ok(p, a.vpn, a.npages)) return { errno: 'EINVAL' };
  return { p, pg };
}

/**
 * dmirror_migrate_to_device's migration: SELECT_SYSTEM (plus every
 * device-private entry before owner checks existed), destination pages
 * from this pgmap.
 */
export function dmirror_migrate_to_device(k: KernelState, p: Proc, pg: KPgmap, vpn: number, npages: number, racer?: MigrationRacer, finalize?: Finalize): MigrateEntry[] {
  const sel: MigrateSelect = { system: true, devicePrivate: !k.era.ownerChecks, deviceCoherent: false, owner: null };
  return dmirror_migrate_chunk(k, p, vpn, npages, sel, -1, dmirror_alloc_dst(k, pg, true), racer, finalize);
}

/** Where each direction's destination pages come from: the pgmap's free pages to the device, system RAM back. */
export const dmirror_alloc_dst = (k: KernelState, pg: KPgmap, toDevice: boolean): (() => number) => (toDevice ? () => dmirror_devmem_alloc_page(k, pg) : () => alloc_page(k));

/** migrate_vma_finalize, or a thread's that pauses inside it (threads.ts). */
export type Finalize = (k: KernelState, entries: MigrateEntry[]) => void;

/**
 * dmirror_migrate_to_system's migration: SELECT_DEVICE_PRIVATE or
 * SELECT_DEVICE_COHERENT with this pgmap's owner, destinations from system
 * RAM.
 */
export function dmirror_migrate_to_system(k: KernelState, p: Proc, pg: KPgmap, vpn: number, npages: number, racer?: MigrationRacer, finalize?: Finalize): MigrateEntry[] {
  const sel = match(pg.type)
    .with('PRIVATE', (): MigrateSelect => ({ system: false, devicePrivate: true, deviceCoherent: false, owner: k.era.ownerChecks ? pg.owner : null }))
    .with('COHERENT', 'PUBLIC', (): MigrateSelect => ({ system: false, devicePrivate: false, deviceCoherent: true, owner: pg.owner }))
    .with('FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => null) // mapBy !== 'migrate': refused by the checks
    .exhaustive();
  return sel ? dmirror_migrate_chunk(k, p, vpn, npages, sel, -1, dmirror_alloc_dst(k, pg, false), racer, finalize) : [];
}

/** HMM_DMIRROR_MIGRATE_TO_DEV, then the driver's check that the whole range now lives in its memory (ENOENT). */
export function migrate_to_device(k: KernelState, a: OpArgs['migrate_to_device']): OpResult<'migrate_to_device'> {
  const ok = dmirror_migrate_args(k, a, true);
  if ('errno' in ok) return ok;
  dmirror_migrate_to_device(k, ok.p, ok.pg, a.vpn, a.npages);
  return migrate_to_device_result(k, a, ok.p, ok.pg);
}

/**
 * The driver's check after MIGRATE_TO_DEV that the whole range now lives in
 * its memory (ENOENT), and the data it reads: dmirror_do_read of its own
 * page table, which mirrors the CPU's — but for a vpn whose migration entry
 * a zap cleared while the migration was paused (`mirror`), which
 * dmirror_migrate_finalize_and_map mapped all the same.
 */
export function migrate_to_device_result(k: KernelState, a: OpArgs['migrate_to_device'], p: Proc, pg: KPgmap, mirror: Mirror = []): OpResult<'migrate_to_device'> {
  const data: number[] = [];
  for (let vpn = a.vpn; vpn < a.vpn + a.npages; vpn++) {
    const pte = p.ptes.get(vpn);
    const mirrored = pte === undefined ? mirror.find(([v]) => v === vpn) : undefined;
    if (mirrored !== undefined) {
      data.push(mirrored[1]);
      continue;
    }
    if (!pte || pte.kind === 'hwpoison' || pte.kind === 'migration') return { errno: 'ENOENT' };
    const slot = slotOf(k, pte.pfn);
    if (page_pgmap(k, slot)?.owner !== pg.owner) return { errno: 'ENOENT' };
    data.push(k.mem.data[slot] ?? 0);
  }
  return { cpages: a.npages, data };
}

/** HMM_DMIRROR_MIGRATE_TO_SYS: cpages counts the pages that moved. */
export function migrate_to_ram(k: KernelState, a: OpArgs['migrate_to_ram']): OpResult<'migrate_to_ram'> {
  const ok = dmirror_migrate_args(k, a, false);
  if ('errno' in ok) return ok;
  return { cpages: movedCount(dmirror_migrate_to_system(k, ok.p, ok.pg, a.vpn, a.npages)) };
}
