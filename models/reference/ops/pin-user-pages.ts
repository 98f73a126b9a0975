// mm/gup.c: pin_user_pages / pin_user_pages_fast with FOLL_PIN, plus
// FOLL_LONGTERM where the era has it (docs §3): __gup_longterm_locked pins,
// then check_and_migrate_movable_pages deals with a folio that
// folio_is_longterm_pinnable refuses.
import { match } from 'ts-pattern';
import type { Outcome } from '../../model.ts';
import type { OpArgs } from '../../ops.ts';
import { typeRules } from '../../type-rules.ts';
import type { Errno, PinId, Pfn } from '../../vocabulary.ts';
import { type Ctx, forkCtx, newCtx, writableTable } from '../draft.ts';
import { ESRCH, frameOf, procOf } from '../handles.ts';
import { checkVmaFlags } from '../mm/check-vma-flags.ts';
import { folioGet } from '../mm/folio-get.ts';
import { getUserPage } from '../mm/get-user-pages.ts';
import { migrateFinalize, migratePage, newBatch } from '../mm/migrate-pages.ts';
import { tryGrabFolio } from '../mm/try-grab-folio.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { distinctOutcomes, outcomeOf } from '../outcome.ts';

type PinArgs = OpArgs['pin_user_pages'];

/**
 * Record the pin (try_grab_folio with FOLL_PIN). The zero page is "never
 * pinned": the pin is recorded but takes no reference — the derived
 * counters never count pfn 0. v4.14 has no FOLL_LONGTERM: the pin is an
 * ordinary one, still recorded as asked.
 */
function pinned(ctx: Ctx, pfn: Pfn, args: PinArgs): Outcome {
  const pin: PinId = `pin${ctx.s.next.pin++}`;
  writableTable(ctx, 'pins')[pin] = { pfn, proc: args.proc, longterm: args.longterm, write: args.write };
  folioGet(ctx, pfn);
  return outcomeOf(ctx, { pin });
}

const failed = (ctx: Ctx, errno: Errno): Outcome => outcomeOf(ctx, { errno });

/**
 * migrate_longterm_unpinnable_folios for a coherent folio: the pin becomes
 * a plain reference, migrate_device_coherent_folio moves it to a new system
 * page (migrate_device_unmap's check, a GFP_USER allocation, then
 * folio_migrate_mapping's exact count: no unexpected reference) and the copy
 * is pinned on the retry; if it cannot move, -EBUSY.
 */
function migrateAndPin(ctx: Ctx, pfn: Pfn, args: PinArgs): Outcome {
  const batch = newBatch();
  const r = migratePage(ctx, batch, pfn, { to: 'system', copyAfter: true });
  migrateFinalize(ctx, batch);
  return r.moved ? pinned(ctx, r.dst, args) : failed(ctx, 'EBUSY');
}

/** What FOLL_LONGTERM does with a folio folio_is_longterm_pinnable refuses. */
function longtermUnpinnable(ctx: Ctx, pfn: Pfn, args: PinArgs): Outcome[] {
  const era = ctx.era;
  return (
    match(frameOf(ctx, pfn).type)
      .with('COHERENT', 'PUBLIC', () =>
        match(era.longtermCoherent)
          // Nothing stops it (v4.14 PUBLIC, the first DEVICE_COHERENT posting).
          .with('pin', () => [pinned(ctx, pfn, args)])
          // "mm/gup: fail get_user_pages for LONGTERM dev coherent type"; the fault's changes stay.
          .with('fail', () => [failed(ctx, era.longtermCoherentErrno)])
          // "mm/gup: migrate device coherent pages when pinning instead of failing".
          .with('migrate', () => [migrateAndPin(ctx, pfn, args)])
          // The specification from v6.0 on allows either design (seed 001, BUG-18).
          .with('migrate-or-fail', () => distinctOutcomes([migrateAndPin(forkCtx(ctx), pfn, args), failed(ctx, era.longtermCoherentErrno)]))
          .exhaustive(),
      )
      // Not reached when check_vma_flags refused the fsdax VMA first.
      .with('FS_DAX', () => [failed(ctx, 'EOPNOTSUPP')])
      // TYPE_RULES says these are long-term pinnable: never reached.
      .with('SYSTEM', 'PRIVATE', 'GENERIC', 'PCI_P2PDMA', 'HOST', () => [pinned(ctx, pfn, args)])
      .exhaustive()
  );
}

export const pinUserPages: OpSpec<'pin_user_pages'> = (era, state, args) => {
  const ctx = newCtx(era, state);
  const longterm = args.longterm && era.follLongterm;
  const proc = procOf(ctx, args.proc);
  if (!proc) return [outcomeOf(ctx, ESRCH)];
  const vmaErr = checkVmaFlags(ctx, vmaAt(proc, args.vpn), { write: args.write, longterm });
  if (vmaErr) return [failed(ctx, vmaErr)];
  const page = getUserPage(ctx, args.proc, args.vpn, args.write);
  if (!page.ok) return [failed(ctx, page.errno)];
  const grabErr = tryGrabFolio(ctx, page.pfn);
  if (grabErr) return [failed(ctx, grabErr)];
  if (!longterm || typeRules(frameOf(ctx, page.pfn).type).longtermPinnable(era)) return [pinned(ctx, page.pfn, args)];
  return longtermUnpinnable(ctx, page.pfn, args);
};
