// HMM_DMIRROR_MIGRATE_TO_DEV (lib/test_hmm.c: dmirror_migrate_to_device):
// migrate_vma_setup(SELECT_SYSTEM) + migrate_vma_pages +
// migrate_vma_finalize into this pgmap, then the driver's verification read
// of the whole range (docs §1).
import { match } from 'ts-pattern';
import type { AbsPte } from '../../state.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { EINVAL, ESRCH, frameOf, ownerOf, pgmapOf, procOf, rangeOf, validRange } from '../handles.ts';
import { migrateFinalize, migratePage, type MigrateBatch, newBatch } from '../mm/migrate-pages.ts';
import { migrateVmaInsertPage } from '../mm/migrate-vma-insert-page.ts';
import { migrateVmaSetupCheck } from '../mm/migrate-vma-setup-check.ts';
import { type RacingAccess, waiterHolds } from '../mm/racing-access.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import type { PgmapId, ProcId, Vpn } from '../../vocabulary.ts';
import { MAP_BY } from '../../map-by.ts';

/** migrate_vma_collect_pmd's choice for one PTE, and what follows for it: true when something moved (or a hole was filled). */
function collectOne(ctx: Ctx, batch: MigrateBatch, procId: ProcId, vpn: Vpn, pgmapId: PgmapId, racing?: RacingAccess): boolean {
  const proc = ctx.s.procs[procId]!;
  const vma = vmaAt(proc, vpn)!;
  const pte: AbsPte | undefined = proc.ptes[vpn];
  // pte_none or the zero pfn: a hole to populate, in anonymous VMAs only
  // (migrate_vma_collect_hole skips holes of other VMAs).
  if (pte === undefined || (pte.kind === 'present' && pte.pfn === ZERO_PFN)) {
    return vma.kind === 'anon' && !vma.shared && migrateVmaInsertPage(ctx, procId, vma, vpn, pgmapId);
  }
  const collect = match(pte.kind)
    // SELECT_SYSTEM takes pages that are not ZONE_DEVICE (vm_normal_page);
    // COHERENT/PUBLIC and dax frames are skipped.
    .with('present', 'present-devmap', () => frameOf(ctx, pte.pfn).pgmap === null)
    // Device-private entries need SELECT_DEVICE_PRIVATE and a matching
    // owner; v4.14's migrate_vma collected every one of them.
    .with('device-private', () => !ctx.era.ownerChecks)
    .with('device-exclusive', 'hwpoison', () => false)
    .exhaustive();
  return collect && migratePage(ctx, batch, pte.pfn, { to: 'device', pgmap: pgmapId }, waiterHolds(ctx, racing, pte.pfn)).moved;
}

/**
 * dmirror_migrate_to_device's migration over [vpn, vpn + npages) of a
 * checked range: SELECT_SYSTEM into this pgmap, finalized as one batch.
 * Returns the entries that moved (cpages of the racing op).
 */
export function migrateRangeToDevice(ctx: Ctx, procId: ProcId, vpn: Vpn, npages: number, pgmapId: PgmapId, racing?: RacingAccess): number {
  const batch = newBatch();
  let moved = 0;
  for (const v of rangeOf(vpn, npages)) if (collectOne(ctx, batch, procId, v, pgmapId, racing)) moved++;
  migrateFinalize(ctx, batch);
  return moved;
}

export const migrateToDevice: OpSpec<'migrate_to_device'> = (era, state, args) =>
  deterministic<'migrate_to_device'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const pgmap = pgmapOf(ctx, args.pgmap);
    if (!pgmap || pgmap.killed || MAP_BY[pgmap.type] !== 'migrate') return EINVAL;
    if (!migrateVmaSetupCheck(proc, args.vpn, args.npages)) return EINVAL;
    migrateRangeToDevice(ctx, args.proc, args.vpn, args.npages, args.pgmap);
    // dmirror_do_read of the mirror: every page must now be on this device
    // (any pgmap of the same owner), else -ENOENT; the migration stays.
    const data: number[] = [];
    // The migration changed the page table: read it again (the draft copied the process).
    const after = ctx.s.procs[args.proc]!;
    for (const vpn of rangeOf(args.vpn, args.npages)) {
      const pte = after.ptes[vpn];
      const backed = pte !== undefined && pte.kind !== 'device-exclusive' && pte.kind !== 'hwpoison' && ownerOf(ctx, pte.pfn) === pgmap.owner;
      if (!backed) return { errno: 'ENOENT' };
      data.push(frameOf(ctx, pte.pfn).data);
    }
    return { cpages: args.npages, data };
  });
