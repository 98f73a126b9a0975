// move_pages(2) for one page (docs §2): mm/migrate.c do_pages_move →
// add_page_for_migration → migrate_pages. With no NUMA nodes, a page that
// moves goes to a new system frame: data copied, every mapping repointed,
// the page-cache slot and dirty state moved, the charge moved
// (mem_cgroup_migrate). A page with unexpected references is put back.
import type { AbsProc } from '../../state.ts';
import type { MovePagesStatus } from '../../ops.ts';
import type { Pfn, Vpn } from '../../vocabulary.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import { expectedLru } from '../../derive/expected-counters.ts';
import { type Ctx, writableFile, writableFrame } from '../draft.ts';
import { ESRCH, EINVAL, frameOf, procOf } from '../handles.ts';
import { allocSystemPage } from '../mm/alloc-page.ts';
import { folioPut } from '../mm/folio-put.ts';
import { hasNoUnexpectedRefs, usersOf } from '../mm/folio-users.ts';
import { markDirtyFromMappings, removeMigrationPtes } from '../mm/migrate-pages.ts';
import { vmaAt } from '../mm/vma.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

/**
 * add_page_for_migration: the page to queue, or its status. No migratable
 * VMA (none, or DAX: vma_migratable) → EFAULT; follow_page(FOLL_GET |
 * FOLL_DUMP): pte_none in an anonymous VMA or the zero page → EFAULT, in a
 * file VMA or any non-present entry → ENOENT; a ZONE_DEVICE page → ENOENT
 * (is_zone_device_page, era.movePagesSkipsZoneDevice); mapped more than
 * once without MPOL_MF_MOVE_ALL → EACCES; not on an LRU → EBUSY.
 */
function addPageForMigration(ctx: Ctx, proc: AbsProc, vpn: Vpn, moveAll: boolean): Pfn | MovePagesStatus {
  const vma = vmaAt(proc, vpn);
  if (!vma || vma.kind === 'dax') return 'EFAULT';
  const pte = proc.ptes[vpn];
  if (pte === undefined) return vma.kind === 'anon' && !vma.shared ? 'EFAULT' : 'ENOENT';
  if (pte.kind !== 'present' && pte.kind !== 'present-devmap') return 'ENOENT';
  if (pte.pfn === ZERO_PFN) return 'EFAULT';
  const frame = frameOf(ctx, pte.pfn);
  if (frame.pgmap !== null && ctx.era.movePagesSkipsZoneDevice) return 'ENOENT';
  if (usersOf(ctx.s, pte.pfn).maps > 1 && !moveAll) return 'EACCES';
  if (!expectedLru(frame)) return 'EBUSY';
  return pte.pfn;
}

/** migrate_pages: allocate, unmap (dirty PTEs dirty the page), the exact count, then move or put back. */
function migrateOne(ctx: Ctx, src: Pfn): MovePagesStatus | 'ENOMEM' {
  const dst = allocSystemPage(ctx, { memcg: null, anon: false });
  if (dst === null) {
    ctx.events.push({ ev: 'migrate-skip', pfn: src, reason: 'alloc' });
    return 'ENOMEM';
  }
  markDirtyFromMappings(ctx, src);
  const from = frameOf(ctx, src);
  if (!hasNoUnexpectedRefs(usersOf(ctx.s, src))) {
    ctx.events.push({ ev: 'migrate-skip', pfn: src, reason: 'refs' });
    folioPut(ctx, dst);
    return 'not-migrated';
  }
  const to = writableFrame(ctx, dst);
  Object.assign(to, { data: from.data, memcg: from.memcg, anon: from.anon, file: from.file, fileIndex: from.fileIndex });
  if (from.dirty) to.dirty = true;
  if (from.file !== null && from.fileIndex !== null) writableFile(ctx, from.file).pages[from.fileIndex] = dst;
  const old = writableFrame(ctx, src);
  Object.assign(old, { memcg: null, file: null, fileIndex: null });
  delete old.dirty;
  removeMigrationPtes(ctx, src, dst);
  ctx.events.push({ ev: 'migrate', from: src, to: dst });
  folioPut(ctx, src);
  return 'moved';
}

export const movePages: OpSpec<'move_pages'> = (era, state, args) =>
  deterministic<'move_pages'>(era, state, (ctx) => {
    const proc = procOf(ctx, args.proc);
    if (!proc) return ESRCH;
    if (!Number.isInteger(args.vpn) || args.vpn < 0) return EINVAL;
    const queued = addPageForMigration(ctx, proc, args.vpn, args.moveAll);
    if (typeof queued !== 'number') return { status: queued };
    const status = migrateOne(ctx, queued);
    return status === 'ENOMEM' ? { errno: 'ENOMEM' } : { status };
  });
