// HMM_DMIRROR_MIGRATE_TO_SYS (lib/test_hmm.c: dmirror_migrate_to_system):
// migrate_vma_setup(SELECT_DEVICE_PRIVATE or SELECT_DEVICE_COHERENT,
// pgmap_owner = this device) + migrate_vma_pages + migrate_vma_finalize
// (docs §1). cpages counts the pages that really moved.
import { match } from 'ts-pattern';
import type { AbsPgmap } from '../../state.ts';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { EINVAL, ESRCH, frameOf, ownerOf, pgmapOf, procOf, rangeOf, validRange } from '../handles.ts';
import { migrateFinalize, migratePage, newBatch } from '../mm/migrate-pages.ts';
import { migrateVmaSetupCheck } from '../mm/migrate-vma-setup-check.ts';
import { type RacingAccess, waiterHolds } from '../mm/racing-access.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';
import { MAP_BY } from '../../map-by.ts';

/** migrate_vma_collect_pmd with the driver's select flags: is this PTE's page collected? */
function selected(ctx: Ctx, procId: ProcId, vpn: Vpn, pgmap: AbsPgmap): boolean {
  const pte = ctx.s.procs[procId]!.ptes[vpn];
  if (pte === undefined || pte.kind === 'hwpoison') return false;
  const ownerMatches = ownerOf(ctx, pte.pfn) === pgmap.owner;
  return (
    match(pgmap.type)
      // SELECT_DEVICE_PRIVATE: device-private entries of this owner (any owner before ~v5.7).
      .with('PRIVATE', () => pte.kind === 'device-private' && (ownerMatches || !ctx.era.ownerChecks))
      // SELECT_DEVICE_COHERENT: present pages of this type and owner.
      .with('COHERENT', 'PUBLIC', () => (pte.kind === 'present' || pte.kind === 'present-devmap') && frameOf(ctx, pte.pfn).type === pgmap.type && ownerMatches)
      .with('FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => false)
      .exhaustive()
  );
}

export const migrateToRam: OpSpec<'migrate_to_ram'> = (era, state, args) =>
  deterministic<'migrate_to_ram'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!validRange(args.npages)) return EINVAL;
    const pgmap = pgmapOf(ctx, args.pgmap);
    // A killed pgmap is fine: this is how a driver empties it.
    if (!pgmap || MAP_BY[pgmap.type] !== 'migrate') return EINVAL;
    if (!migrateVmaSetupCheck(proc, args.vpn, args.npages)) return EINVAL;
    return { cpages: migrateRangeToRam(ctx, args.proc, args.vpn, args.npages, pgmap) };
  });

/**
 * dmirror_migrate_to_system's migration over a checked range: the pages
 * the driver's selection collects, to new system pages, finalized as one
 * batch. Returns cpages: the pages that moved.
 */
export function migrateRangeToRam(ctx: Ctx, procId: ProcId, vpn: Vpn, npages: number, pgmap: AbsPgmap, racing?: RacingAccess): number {
  const batch = newBatch();
  let cpages = 0;
  for (const v of rangeOf(vpn, npages)) {
    if (!selected(ctx, procId, v, pgmap)) continue;
    const src = ctx.s.procs[procId]!.ptes[v]!.pfn;
    if (migratePage(ctx, batch, src, { to: 'system' }, waiterHolds(ctx, racing, src)).moved) cpages++;
  }
  migrateFinalize(ctx, batch);
  return cpages;
}
