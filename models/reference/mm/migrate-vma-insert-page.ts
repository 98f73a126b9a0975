// mm/migrate_device.c: migrate_vma_insert_page — a hole (pte_none or the
// zero page) of an anonymous private VMA collected by migrate_vma_setup
// (SELECT_SYSTEM) is filled with a new device page: zeroed, charged to the
// process (mem_cgroup_charge), mapped with the type's entry (a device-private
// entry for PRIVATE, a present PTE for COHERENT, pte_devmap for PUBLIC),
// writable iff the VMA is.
import type { AbsVma } from '../../state.ts';
import type { PgmapId, ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { allocDevicePage } from './alloc-page.ts';
import { pteKindAfterMigrate } from './migrate-pages.ts';

/** True when the hole was filled; false (event migrate-skip alloc, pfn 0) when no page could be allocated. */
export function migrateVmaInsertPage(ctx: Ctx, procId: ProcId, vma: AbsVma, vpn: Vpn, pgmapId: PgmapId): boolean {
  const pfn = allocDevicePage(ctx, pgmapId, { data: 0, memcg: ctx.s.procs[procId]!.memcg, anon: true });
  if (pfn === null) {
    ctx.events.push({ ev: 'migrate-skip', pfn: 0, reason: 'alloc' });
    return false;
  }
  // A zero-page PTE is simply replaced (the zero page is not refcounted).
  writableProc(ctx, procId).ptes[vpn] = { kind: pteKindAfterMigrate(ctx.era, frameOf(ctx, pfn).type), pfn, write: vma.prot === 'write' };
  return true;
}
