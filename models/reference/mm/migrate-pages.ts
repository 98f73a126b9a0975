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
import type { PgmapId, Pfn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import type { Era } from '../../eras/era.ts';
import { frameOf } from '../handles.ts';
import { allocDevicePage, allocSystemPage, type PageInit } from './alloc-page.ts';
import { folioPut } from './folio-put.ts';
import { hasNoUnexpectedRefs, usersOf } from './folio-users.ts';
import { migrateVmaCheckPage } from './migrate-vma-check-page.ts';

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

/** Every PTE of every process that maps `from` now maps `to` with `to`'s kind and the same write bit. */
function removeMigrationPtes(ctx: Ctx, from: Pfn, to: Pfn): void {
  const kind = pteKindAfterMigrate(ctx.era, frameOf(ctx, to).type);
  for (const proc of Object.values(ctx.s.procs)) {
    for (const [vpn, pte] of Object.entries(proc.ptes)) {
      if (pte.pfn === from && pte.kind !== 'hwpoison') proc.ptes[Number(vpn)] = { kind, pfn: to, write: pte.write };
    }
  }
}

export type MigrateResult =
  | { readonly moved: true; readonly dst: Pfn }
  | { readonly moved: false; readonly reason: 'refs' | 'alloc' | 'not-anon' };

function skip(ctx: Ctx, pfn: Pfn, reason: 'refs' | 'alloc' | 'not-anon'): MigrateResult {
  ctx.events.push({ ev: 'migrate-skip', pfn, reason });
  return { moved: false, reason };
}

/**
 * Migrate `src` to a new page: the destination, or why the page stays where
 * it was (event migrate-skip).
 */
export function migratePage(ctx: Ctx, batch: MigrateBatch, src: Pfn, dest: MigrateDest): MigrateResult {
  const from = frameOf(ctx, src);
  const u = usersOf(ctx.s, src);
  // migrate_device_unmap: a page migrate_vma_check_page refuses is restored
  // untouched, before any destination is allocated.
  if (!migrateVmaCheckPage(ctx.era, from, u)) return skip(ctx, src, 'refs');
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
    return skip(ctx, src, 'refs');
  }
  // folio_migrate_mapping / mem_cgroup_migrate: the destination takes the
  // anon mapping and the charge; the old folio's memcg_data is cleared.
  const to = frameOf(ctx, dst);
  to.data = from.data;
  to.memcg = from.memcg;
  to.anon = from.anon;
  from.memcg = null;
  removeMigrationPtes(ctx, src, dst);
  ctx.events.push({ ev: 'migrate', from: src, to: dst });
  batch.finalize.push(src, dst);
  return { moved: true, dst };
}

/** __migrate_device_finalize: put the sources that moved and the destinations that did not. */
export function migrateFinalize(ctx: Ctx, batch: MigrateBatch): void {
  for (const pfn of batch.finalize) folioPut(ctx, pfn);
}
