// Migration of one page, as every migrate path uses it (docs/operations.md
// §0 "Migration of one page"): mm/migrate_device.c migrate_vma_setup /
// migrate_device_range → migrate_device_unmap (+ migrate_vma_check_page) →
// the driver allocates and copies → __migrate_device_pages →
// __migrate_device_finalize.
//
// Sources and failed destinations are released in a finalize pass at the
// end of the batch (__migrate_device_finalize puts them after every page has
// been processed), so a frame freed by the batch is not handed out again
// inside the same batch.
import type { AbsFrame, AbsPte } from '../../state.ts';
import { typeRules } from '../../type-rules.ts';
import type { PgmapId, Pfn, ProcId } from '../../vocabulary.ts';
import { type Ctx, writableFrame, writableProc } from '../draft.ts';
import type { Era } from '../../eras/era.ts';
import { frameOf } from '../handles.ts';
import { allocDevicePage, allocSystemPage, type PageInit } from './alloc-page.ts';
import { folioPut } from './folio-put.ts';
import { hasNoUnexpectedRefs, usersOf } from './folio-users.ts';
import { migrateVmaCheckPage } from './migrate-vma-check-page.ts';
import { markDirtyFromPte } from './pte-dirty.ts';

/** Frames to put once the batch is done (__migrate_device_finalize). */
export interface MigrateBatch {
  readonly finalize: Pfn[];
}

export const newBatch = (): MigrateBatch => ({ finalize: [] });

export type MigrateDest =
  /**
   * A new system page (the driver's alloc_page; `noFail` for __GFP_NOFAIL
   * eviction). `copyAfter`: migrate_device_coherent_folio copies
   * (folio_copy) only once the page is sure to move; the drivers copy when
   * they allocate.
   */
  | { readonly to: 'system'; readonly noFail?: boolean; readonly copyAfter?: boolean }
  /** A new page of this pgmap (dmirror_devmem_alloc_page). */
  | { readonly to: 'device'; readonly pgmap: PgmapId };

/** The PTE kind a page of this type is mapped with after migration (remove_migration_pte). */
export function pteKindAfterMigrate(era: Era, type: AbsFrame['type']): AbsPte['kind'] {
  const kind = typeRules(type).pteOnMigrate(era);
  if (kind === 'unsupported') throw new Error(`reference: ${type} pages cannot be migration destinations`);
  return kind;
}

function allocDest(ctx: Ctx, dest: MigrateDest, init: PageInit): Pfn | null {
  return dest.to === 'system' ? allocSystemPage(ctx, init, { noFail: dest.noFail ?? false }) : allocDevicePage(ctx, dest.pgmap, init);
}

/**
 * Every PTE of every process that maps `from` now maps `to` with `to`'s kind
 * and the same write bit; dirty where it was and `to` is (remove_migration_pte:
 * folio_test_dirty && is_migration_entry_dirty).
 */
export function removeMigrationPtes(ctx: Ctx, from: Pfn, to: Pfn): void {
  const target = frameOf(ctx, to);
  const kind = pteKindAfterMigrate(ctx.era, target.type);
  for (const procId of Object.keys(ctx.s.procs) as ProcId[]) {
    for (const [vpn, pte] of Object.entries(ctx.s.procs[procId]!.ptes)) {
      if (pte.pfn !== from || pte.kind === 'hwpoison') continue;
      writableProc(ctx, procId).ptes[Number(vpn)] = pte.dirty && target.dirty ? { kind, pfn: to, write: pte.write, dirty: true } : { kind, pfn: to, write: pte.write };
    }
  }
}

/** try_to_migrate / migrate_vma_collect_pmd clear every PTE of the page: each dirty one dirties the page (a page-cache page: its PTEs stay dirty when restored, since the page now is). */
export function markDirtyFromMappings(ctx: Ctx, pfn: Pfn): void {
  for (const proc of Object.values(ctx.s.procs)) for (const pte of Object.values(proc.ptes)) if (pte.pfn === pfn) markDirtyFromPte(ctx, pte);
}

type SkipReason = 'refs' | 'alloc' | 'not-anon' | 'waiter';

export type MigrateResult = { readonly moved: true; readonly dst: Pfn } | { readonly moved: false; readonly reason: SkipReason };

function skip(ctx: Ctx, pfn: Pfn, reason: SkipReason): MigrateResult {
  ctx.events.push({ ev: 'migrate-skip', pfn, reason });
  return { moved: false, reason };
}

/**
 * Migrate `src` to a new page: the destination, or why the page stays where
 * it was (event migrate-skip). `waiter`: a task faulting on the page's
 * migration entry holds a reference through both checks (v4.14's
 * migration_entry_wait, migrate-racing-fault.ts): it counts as an
 * unexpected one, and the skip says 'waiter'.
 */
export function migratePage(ctx: Ctx, batch: MigrateBatch, src: Pfn, dest: MigrateDest, waiter = false): MigrateResult {
  markDirtyFromMappings(ctx, src);
  const from = frameOf(ctx, src);
  const held = usersOf(ctx.s, src);
  const u = waiter ? { ...held, refs: held.refs + 1 } : held;
  const refused: SkipReason = waiter ? 'waiter' : 'refs';
  // migrate_device_unmap: a page migrate_vma_check_page refuses is restored
  // untouched, before any destination is allocated.
  if (!migrateVmaCheckPage(ctx.era, from, u)) return skip(ctx, src, refused);
  // The driver allocates the destination and copies the data in
  // (dmirror_migrate_alloc_and_copy, dmirror_devmem_fault_alloc_and_copy).
  const copyAfter = dest.to === 'system' && dest.copyAfter === true;
  const dst = allocDest(ctx, dest, copyAfter ? { memcg: null, anon: false } : { data: from.data, memcg: null, anon: false });
  if (dst === null) return skip(ctx, src, 'alloc');
  // __migrate_device_pages: a source with a page-cache mapping cannot move
  // into device-private or coherent memory; the destination is put back at
  // finalize (the driver's page_free runs for it).
  if (dest.to === 'device' && from.file !== null) {
    batch.finalize.push(dst);
    return skip(ctx, src, 'not-anon');
  }
  // folio_migrate_mapping (mm/migrate.c) demands the exact expected count
  // (expected_page_refs / folio_expected_ref_count + the caller's extra):
  // any unexpected reference the pre-check's slack let through makes it
  // -EAGAIN; the page is restored and the destination put at finalize
  // (docs §0 "The refcount check").
  if (!hasNoUnexpectedRefs(u)) {
    batch.finalize.push(dst);
    return skip(ctx, src, refused);
  }
  // folio_migrate_mapping / mem_cgroup_migrate: the destination takes the
  // anon mapping and the charge; the old folio's memcg_data is cleared.
  const to = writableFrame(ctx, dst);
  to.data = from.data;
  to.memcg = from.memcg;
  to.anon = from.anon;
  writableFrame(ctx, src).memcg = null;
  removeMigrationPtes(ctx, src, dst);
  ctx.events.push({ ev: 'migrate', from: src, to: dst });
  batch.finalize.push(src, dst);
  return { moved: true, dst };
}

/** __migrate_device_finalize: put the sources that moved and the destinations that did not. */
export function migrateFinalize(ctx: Ctx, batch: MigrateBatch): void {
  for (const pfn of batch.finalize) folioPut(ctx, pfn);
}
