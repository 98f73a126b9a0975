// move_pages(2) for one page (mm/migrate.c kernel_move_pages → do_pages_move
// → add_page_for_migration, then migrate_pages → migrate_folio_unmap /
// migrate_folio_move). There are no NUMA nodes in the model: a page that
// moves goes to a new system frame (the lowest free one).
import type { MovePagesStatus, OpArgs, OpResult } from '../ops.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import { ESRCH, getProc, vpnOk } from './handles.ts';
import { NO_CTX } from './hook-views.ts';
import { type KernelState, type Proc, slotOf, vma_lookup } from './kstate.ts';
import { PG_lru } from './memmap.ts';
import { migrate_folio_move, migrate_folio_unmap } from './migrate-folio.ts';
import { put_ref_page, take_extra_ref } from './put-ref-page.ts';
import { folio_get } from './swap.ts';

type Queued = { readonly slot: number } | { readonly status: MovePagesStatus };

/**
 * follow_page(vma, addr, FOLL_GET | FOLL_DUMP): the page a present PTE maps,
 * with a reference. pte_none: no_page_table — -EFAULT in an anonymous VMA
 * (FOLL_DUMP: "a hole would surely be zero-filled"), NULL (-ENOENT) in a
 * file VMA; any other non-present entry (device-private, migration,
 * device-exclusive, hwpoison): NULL; the zero page: FOLL_DUMP's -EFAULT.
 */
function follow_page(k: KernelState, p: Proc, vpn: number, anonymous: boolean): Queued {
  const pte = p.ptes.get(vpn);
  if (!pte) return { status: anonymous ? 'EFAULT' : 'ENOENT' };
  if (pte.kind !== 'present' && pte.kind !== 'present-devmap') return { status: 'ENOENT' };
  if (pte.pfn === ZERO_PFN) return { status: 'EFAULT' };
  const slot = slotOf(k, pte.pfn);
  take_extra_ref(k, slot);
  return { slot };
}

/**
 * add_page_for_migration: vma_migratable (not DAX) → follow_page → the
 * proposal's add_page_for_migration (is_zone_device_page → -ENOENT) →
 * "page_mapcount(page) > 1 && !migrate_all" → -EACCES → isolate_lru_page
 * (-EBUSY off the LRU; the isolation takes its own reference). The
 * follow_page reference is put at out_putpage on every path (the proposal's
 * put_ref_page, site add_page_for_migration).
 */
function add_page_for_migration(k: KernelState, p: Proc, vpn: number, moveAll: boolean): Queued {
  const vma = vma_lookup(p, vpn);
  if (!vma || vma.kind === 'dax') return { status: 'EFAULT' };
  const found = follow_page(k, p, vpn, vma.kind === 'anon' && !vma.shared);
  if (!('slot' in found)) return found;
  const { slot } = found;
  const m = k.mem;
  let status: MovePagesStatus | null = null;
  if (!k.hooks.add_page_for_migration(folioView(k, slot), NO_CTX)) status = 'ENOENT';
  else if ((m.mapcount[slot] ?? 0) > 1 && !moveAll) status = 'EACCES';
  else if (!m.has(slot, PG_lru)) status = 'EBUSY';
  else {
    m.set(slot, PG_lru, false); // folio_isolate_lru
    folio_get(k, slot);
  }
  put_ref_page(k, slot, 'add_page_for_migration');
  return status === null ? { slot } : { status };
}

/** move_pages(pid, 1, {addr}, {node}, status, flags). */
export function move_pages(k: KernelState, a: OpArgs['move_pages']): OpResult<'move_pages'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!vpnOk(a.vpn)) return { errno: 'EINVAL' };
  const queued = add_page_for_migration(k, p, a.vpn, a.moveAll);
  if (!('slot' in queued)) return { status: queued.status };
  const unmapped = migrate_folio_unmap(k, queued.slot);
  if (unmapped === null) return { errno: 'ENOMEM' };
  return { status: migrate_folio_move(k, unmapped) ? 'moved' : 'not-migrated' };
}
