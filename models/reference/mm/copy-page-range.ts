// mm/memory.c: copy_page_range — fork copies the parent's page tables into
// the child, PTE by PTE, in vpn order.
import { match } from 'ts-pattern';
import type { ProcId, Vpn } from '../../vocabulary.ts';
import { type Ctx, writableProc } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { allocSystemPage } from './alloc-page.ts';
import { usersOf } from './folio-users.ts';
import { removeDeviceExclusiveEntry } from './remove-device-exclusive-entry.ts';
import { vmaAt } from './vma.ts';

/**
 * copy_present_pte: an anonymous page that may be DMA-pinned
 * (folio_maybe_dma_pinned → folio_try_dup_anon_rmap_pte fails) is copied
 * for the child (copy_present_page: a new system page charged to the
 * child's memcg, writable by maybe_mkwrite, i.e. iff the VMA is writable);
 * any other page — the zero page too — is shared, write-protected in both
 * (the private mapping is a COW mapping). False when the copy could not be
 * allocated.
 */
function copyPresentPte(ctx: Ctx, parentId: ProcId, childId: ProcId, vpn: Vpn): boolean {
  const parent = writableProc(ctx, parentId);
  const child = writableProc(ctx, childId);
  const pte = parent.ptes[vpn]!;
  const frame = frameOf(ctx, pte.pfn);
  if (frame.anon && usersOf(ctx.s, pte.pfn).pins > 0) {
    const copy = allocSystemPage(ctx, { data: frame.data, memcg: child.memcg, anon: true });
    if (copy === null) return false;
    child.ptes[vpn] = { kind: 'present', pfn: copy, write: vmaAt(child, vpn)!.prot === 'write' };
    return true;
  }
  pte.write = false;
  child.ptes[vpn] = { kind: pte.kind, pfn: pte.pfn, write: false };
  return true;
}

function copyOnePte(ctx: Ctx, parentId: ProcId, childId: ProcId, vpn: Vpn): boolean {
  const parent = writableProc(ctx, parentId);
  const child = writableProc(ctx, childId);
  const pte = parent.ptes[vpn]!;
  return match(pte.kind)
    .with('present', 'present-devmap', () => copyPresentPte(ctx, parentId, childId, vpn))
    .with('device-private', () => {
      // copy_nonpresent_pte: folio_get + folio_try_dup_anon_rmap_pte ("cannot
      // fail as these pages cannot get pinned"); a writable entry becomes
      // read-only in the parent and the child (is_cow_mapping).
      pte.write = false;
      child.ptes[vpn] = { kind: 'device-private', pfn: pte.pfn, write: false };
      return true;
    })
    .with('device-exclusive', () => {
      // copy_nonpresent_pte: try_restore_exclusive_pte in the parent, then
      // copy it as the present PTE it is again.
      removeDeviceExclusiveEntry(ctx, parentId, vpn);
      return copyPresentPte(ctx, parentId, childId, vpn);
    })
    .with('hwpoison', () => {
      child.ptes[vpn] = { kind: 'hwpoison', pfn: pte.pfn, write: false };
      return true;
    })
    .exhaustive();
}

/**
 * Copy every PTE of the parent into the child. vma_needs_copy: a shared
 * mapping (shmem, file, dax) has no anon_vma and is not copied at all — the
 * child faults its pages in from the page cache or the device later
 * (mm/memory.c: vma_needs_copy; docs §2 fork says the child gets the same
 * PTE: a documented deviation, see the report). False when a copy could not
 * be allocated (fork fails with -ENOMEM).
 */
export function copyPageRange(ctx: Ctx, parentId: ProcId, childId: ProcId): boolean {
  const parent = ctx.s.procs[parentId]!;
  const vpns = Object.keys(parent.ptes)
    .map(Number)
    .sort((a, b) => a - b);
  for (const vpn of vpns) {
    if (vmaAt(parent, vpn)!.shared) continue;
    if (!copyOnePte(ctx, parentId, childId, vpn)) return false;
  }
  return true;
}
