// migrate_vma_collect_pmd (mm/migrate_device.c): which page a migrate_vma
// caller collects. A device-private entry needs MIGRATE_VMA_SELECT_DEVICE_PRIVATE
// and (since ~v5.7) the pgmap's owner; a present page goes through
// vm_normal_page: system RAM needs SELECT_SYSTEM and an rmap ("!page->mapping"
// skips it otherwise), a device-coherent page SELECT_DEVICE_COHERENT and the
// owner (v6.0), device-private and DAX pages are never collected this way.
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { FolioView, Hooks, MigrateCollectContext } from '../hooks.ts';

const ownerOk = (folio: FolioView, ctx: MigrateCollectContext): boolean => ctx.owner === null || folio.owner === ctx.owner;

export const migrate_vma_collect_pmd =
  (_era: Era): Hooks['migrate_vma_collect_pmd'] =>
  (folio, ctx) =>
    match(ctx.via)
      .with('device-private', () => ctx.devicePrivate && ownerOk(folio, ctx))
      .with('present', () =>
        match(TYPE_RULES[folio.memoryType].snapshotClass)
          .with('system', () => ctx.system && (folio.anon || folio.mapping !== null))
          .with('device-coherent', () => ctx.deviceCoherent && ownerOk(folio, ctx))
          .with('device-private', 'dax', () => false)
          .exhaustive(),
      )
      .exhaustive();
