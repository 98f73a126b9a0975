// fork (kernel/fork.c dup_mmap → mm/memory.c copy_page_range).
import { match } from 'ts-pattern';
import type { OpArgs, OpResult } from '../ops.ts';
import { remove_device_exclusive_entry } from './do-swap-page.ts';
import { folioView } from './folio-view.ts';
import { ESRCH, getProc } from './handles.ts';
import { NO_CTX } from './hook-views.ts';
import { type KernelState, type Proc, type Pte, type Vma, slotOf } from './kstate.ts';
import { mem_cgroup_charge } from './memcontrol.ts';
import { PG_anon, PG_lru, PG_hwpoison, PG_inuse } from './memmap.ts';
import { alloc_page } from './page-alloc.ts';
import { clonePte } from './clone-state.ts';
import { set_pte_mapped } from './pgtable.ts';
import { folio_put } from './swap.ts';
import { SYSTEM_FRAMES } from '../limits.ts';

/**
 * A private (COW) VMA's anon page that fork must copy rather than share:
 * copy_present_pte → folio_try_dup_anon_rmap_pte fails when the proposal's
 * folio_needs_cow_for_dma says the page may be DMA-pinned.
 */
function needs_copy(k: KernelState, vma: Vma, pte: Pte): boolean {
  if (vma.shared || (pte.kind !== 'present' && pte.kind !== 'present-devmap' && pte.kind !== 'device-exclusive')) return false;
  const slot = slotOf(k, pte.pfn);
  return k.mem.has(slot, PG_anon) && k.hooks.folio_needs_cow_for_dma(folioView(k, slot), NO_CTX);
}

function free_system_frames(k: KernelState): number {
  let n = 0;
  for (let s = 1; s <= SYSTEM_FRAMES; s++) if (((k.mem.flags[s] ?? 0) & (PG_inuse | PG_hwpoison)) === 0) n++;
  return n;
}

/**
 * fork: the child gets the parent's memcg, VMAs and page tables
 * (copy_page_range). The kernel unwinds a fork whose copy_present_page
 * cannot allocate; the model checks the allocations up front so that a
 * failed fork changes nothing, except that the failed allocation consumed a
 * pending fail_next_alloc (docs §6.3).
 */
export function fork(k: KernelState, a: OpArgs['fork']): OpResult<'fork'> {
  const parent = getProc(k, a.proc);
  if (!parent) return ESRCH;
  let copies = 0;
  for (const vma of parent.vmas) {
    if (!vma_needs_copy(vma)) continue;
    for (let vpn = vma.start; vpn < vma.start + vma.npages; vpn++) {
      const pte = parent.ptes.get(vpn);
      if (pte && needs_copy(k, vma, pte)) copies++;
    }
  }
  if (copies > 0 && k.failNextAlloc.system) {
    k.failNextAlloc.system = false;
    return { errno: 'ENOMEM' };
  }
  if (copies > free_system_frames(k)) return { errno: 'ENOMEM' };
  const num = k.next.proc++;
  const child: Proc = { num, memcg: parent.memcg, vmas: parent.vmas.map((v) => ({ ...v })), ptes: new Map(), sigbus: 0, nextVpn: parent.nextVpn };
  k.procs.set(num, child);
  k.ghost.fork(parent.num, num);
  for (const vma of child.vmas) {
    const f = vma.file === null ? undefined : k.files.get(vma.file);
    if (f) f.vmaCount++;
    if (vma_needs_copy(vma)) copy_page_range(k, parent, child, vma);
  }
  return { child: `p${num}` };
}

/**
 * vma_needs_copy (mm/memory.c): only a VMA with an anon_vma (a private
 * mapping) has PTEs fork must copy; a shared mapping (shmem, shared file,
 * dax) is faulted in again by the child (docs §6.1).
 */
function vma_needs_copy(vma: Vma): boolean {
  return !vma.shared;
}

/** copy_page_range (mm/memory.c) for one VMA, PTE by PTE in vpn order. */
function copy_page_range(k: KernelState, parent: Proc, child: Proc, vma: Vma): void {
  for (let vpn = vma.start; vpn < vma.start + vma.npages; vpn++) {
    const pte = parent.ptes.get(vpn);
    if (!pte) continue;
    match(pte.kind)
      .with('present', 'present-devmap', () => copy_present_ptes(k, child, vma, vpn, pte))
      .with('device-private', 'device-exclusive', () => copy_nonpresent_pte(k, parent, child, vma, vpn, pte))
      .with('hwpoison', () => child.ptes.set(vpn, { ...pte }))
      .with('migration', () => copy_migration_entry(child, vpn, pte))
      .exhaustive();
  }
}

/**
 * copy_nonpresent_pte (mm/memory.c) for a migration entry — seen only while
 * a migration that unmapped this process's PTE is paused (threads.ts):
 * "if (!is_readable_migration_entry(entry) && is_cow_mapping(vm_flags))"
 * the parent's entry becomes a readable one, and the child gets the same
 * entry. A migration entry holds no mapping and no reference, so nothing
 * is counted; remove_migration_ptes' rmap walk finds the child's too (its
 * VMA is in the folio's anon_vma since anon_vma_fork).
 */
function copy_migration_entry(child: Proc, vpn: number, pte: Pte): void {
  // remove_migration_pte rebuilds the write bit from the entry's own (pte.write), not from `was`.
  pte.write = false;
  child.ptes.set(vpn, clonePte(pte));
}

/**
 * copy_present_ptes (mm/memory.c) in a private mapping: share the folio with
 * the write bits the proposal's copy_present_ptes gives parent and child
 * (both write-protected by default), except an anon folio that may be
 * DMA-pinned, which the child gets a copy of in new system RAM
 * (copy_present_page).
 */
function copy_present_ptes(k: KernelState, child: Proc, vma: Vma, vpn: number, pte: Pte): void {
  if (needs_copy(k, vma, pte)) {
    const slot = copy_present_page(k, child, vma, vpn, pte);
    if (slot >= 0) return;
  }
  const bits = k.hooks.copy_present_ptes(folioView(k, slotOf(k, pte.pfn)), { write: pte.write });
  set_pte_mapped(k, child, vpn, { kind: pte.kind, pfn: pte.pfn, write: bits.child });
  // folio_try_dup_anon_rmap_pte succeeded, then ptep_set_wrprotect: a
  // lockless GUP-fast may read the parent's PTE between the two (a fork
  // started as a thread stops at the first one; threads.ts).
  if (pte.write !== bits.parent && k.forkAt !== undefined && k.forkAt.paused === undefined) k.forkAt.paused = { vpn, write: bits.parent };
  else pte.write = bits.parent;
}

/** copy_present_page (mm/memory.c): the child's own copy of a pinned anon page. */
function copy_present_page(k: KernelState, child: Proc, vma: Vma, vpn: number, pte: Pte): number {
  const slot = alloc_page(k);
  if (slot < 0) return -1;
  const m = k.mem;
  m.data[slot] = m.data[slotOf(k, pte.pfn)] ?? 0;
  mem_cgroup_charge(k, slot, child.memcg);
  m.set(slot, PG_anon, true);
  if (k.hooks.folio_add_lru(folioView(k, slot), NO_CTX)) m.set(slot, PG_lru, true);
  // maybe_mkwrite: writable iff the VMA allows writes (docs §6.2).
  set_pte_mapped(k, child, vpn, { kind: 'present', pfn: m.pfn[slot] ?? -1, write: vma.prot === 'write' });
  folio_put(k, slot);
  return slot;
}

/**
 * copy_nonpresent_pte (mm/memory.c): the proposal's hook decides. By
 * default a device-private entry is shared (folio_get + dup rmap) and a
 * writable one becomes read-only in both for a COW mapping; a
 * device-exclusive entry is restored in the parent and copied as present.
 */
function copy_nonpresent_pte(k: KernelState, parent: Proc, child: Proc, vma: Vma, vpn: number, pte: Pte): void {
  if (pte.kind !== 'device-private' && pte.kind !== 'device-exclusive') return;
  const d = k.hooks.copy_nonpresent_pte(Object.freeze({ kind: pte.kind, write: pte.write, folio: folioView(k, slotOf(k, pte.pfn)) }), NO_CTX);
  const cow = !vma.shared;
  match(d)
    .with('share', () => set_pte_mapped(k, child, vpn, { ...pte }))
    .with('share-readonly', () => {
      if (cow) pte.write = false;
      set_pte_mapped(k, child, vpn, { ...pte });
    })
    .with('restore-then-copy', () => {
      if (pte.kind === 'device-private') {
        if (cow) pte.write = false; // nothing to restore: share it read-only
        set_pte_mapped(k, child, vpn, { ...pte });
        return;
      }
      remove_device_exclusive_entry(k, parent, vma, vpn);
      copy_present_ptes(k, child, vma, vpn, pte);
    })
    .exhaustive();
}
