// The steps that wait for a paused thread (threads.ts): not enabled while
// it is paused — for a fault paused in do_swap_page after pte_unmap_unlock,
// for a fast GUP paused past its lockless PTE read, for a final put paused
// in free_zone_device_folio, for a fork paused before it write-protects a
// shared PTE, for a memory_failure paused past get_dev_pagemap, for a
// driver migration paused in migrate_vma_collect_pmd or past
// migrate_vma_setup, for a memunmap_pages paused past its wait, and for a
// long-term pin paused between two rounds of __gup_longterm_locked.
import type { Step } from '../ops.ts';
import type { SwapFault } from './do-swap-page.ts';
import { folioView } from './folio-view.ts';
import { gup_fast_decide, gup_fast_read } from './gup.ts';
import { gup_flags } from './gup-ops.ts';
import { getPgmap, getProc } from './handles.ts';
import type { PgmapFailure } from './memory-failure.ts';
import { type CollectPause, type FreeHalf, type KernelState, type KThread, type LongtermRetry, type Proc, pfn_to_slot } from './kstate.ts';

/**
 * Operations that take the mm's mmap_lock for writing (mmap_write_lock:
 * mmap, munmap, mprotect, the parent's in dup_mmap, exit_mmap once the
 * last thread is gone). do_swap_page migrates a device-private page under
 * the fault's mmap_read_lock (a VMA-locked fault backs off to it:
 * "migrate_to_ram is not VMA-lock-safe"), so these wait for the fault.
 */
const MMAP_WRITERS: ReadonlySet<string> = new Set(['mmap', 'munmap', 'mprotect', 'fork', 'exit']);

/**
 * Accesses that fault a device-private page through do_swap_page:
 * handle_mm_fault, GUP's faultin_page (get/pin_user_pages,
 * make_device_exclusive, madvise(MADV_HWPOISON)'s get_user_pages_fast for a
 * memory_failure by address), and hmm_range_fault for a device that may not
 * use the entry in place (device_read / device_write: the proposal's
 * hmm_is_device_private_entry).
 */
const FAULTS: ReadonlySet<string> = new Set(['cpu_read', 'cpu_write', 'get_user_pages', 'pin_user_pages', 'make_device_exclusive', 'memory_failure']);
const DEVICE_FAULTS: ReadonlySet<string> = new Set(['device_read', 'device_write']);

/**
 * Does `step` wait for the paused fault `f`: it takes the faulting mm's
 * mmap_lock for writing, or faults the page the fault works on — which
 * retries (the page's lock since 1afaeb8293c9's trylock_page; before,
 * migrate_vma_check_page refuses the page the paused fault holds a
 * reference on, migrate_to_ram returns 0 and the CPU retries) until that
 * fault is done.
 */
export function swap_fault_blocks(k: KernelState, step: Step, f: SwapFault): boolean {
  const a = step.args as { readonly proc?: unknown; readonly vpn?: number; readonly npages?: number };
  const p = getProc(k, a.proc);
  if (p?.num === f.proc && MMAP_WRITERS.has(step.op)) return true;
  // migrate_racing_fault's CPU access faults faultVpn of faultProc.
  if (step.op === 'migrate_racing_fault') return maps(k, getProc(k, step.args.faultProc), step.args.faultVpn, 1, f, false);
  if (a.vpn === undefined) return false;
  if (FAULTS.has(step.op)) return maps(k, p, a.vpn, a.npages ?? 1, f, false);
  if (!DEVICE_FAULTS.has(step.op) || !maps(k, p, a.vpn, a.npages ?? 1, f, false)) return false;
  // hmm_range_fault faults an entry the device may not use in place, and one it would write through read-only.
  const owner = (step.args as { readonly owner: string }).owner;
  return !k.hooks.hmm_is_device_private_entry(folioView(k, f.slot), { owner }) || (step.op === 'device_write' && maps(k, p, a.vpn, a.npages ?? 1, f, true));
}

/** Does a vpn of [vpn, vpn + npages) of p map the fault's device-private page (`readOnly`: through a read-only entry). */
function maps(k: KernelState, p: Proc | undefined, vpn: number, npages: number, f: SwapFault, readOnly: boolean): boolean {
  for (let v = vpn; v < vpn + npages; v++) {
    const pte = p?.ptes.get(v);
    if (pte?.kind === 'device-private' && pfn_to_slot(k, pte.pfn) === f.slot && (!readOnly || !pte.write)) return true;
  }
  return false;
}

/**
 * Does `step` wait for the paused memory_failure `f`: another
 * memory_failure waits for mf_mutex, and memunmap_pages of the pgmap it
 * holds a reference on waits for that reference (percpu_ref_kill, then
 * wait_for_completion(&pgmap->done) until put_dev_pagemap). The kill that
 * comes before the wait is modelled as coming after the paused thread
 * goes on: a get_dev_pagemap meanwhile still succeeds.
 */
export function memory_failure_blocks(k: KernelState, step: Step, f: PgmapFailure): boolean {
  if (step.op === 'memory_failure') return true;
  return step.op === 'memunmap_pages' && f.ref && getPgmap(k, step.args.pgmap)?.num === f.pgmap;
}

/**
 * Does `step` wait for a fast GUP of process `proc` paused past its lockless
 * PTE read: only that process's exit. The caller is one of its tasks, in
 * the driver's ioctl, and holds mm_users, so exit_mmap cannot run under it.
 * gup_fast holds no lock, so nothing else waits: local interrupts off keep
 * page tables from being freed under it (tlb_remove_table_sync_one, or the
 * TLB-flush IPI on x86), which the model has no pages for, and on an
 * architecture that flushes without IPIs (arm64) a zap frees the page
 * meanwhile: folio_try_get then finds its count at 0.
 */
export function gup_fast_blocks(k: KernelState, step: Step, proc: number): boolean {
  return step.op === 'exit' && getProc(k, step.args.proc)?.num === proc;
}

/**
 * Does `step` wait for a final put paused in free_zone_device_folio with
 * `t.free` left: memunmap_pages of the page's pgmap waits while the page's
 * reference is not yet put (percpu_ref_kill, then wait_for_completion until
 * the last reference goes); a munmap still holds its mm's mmap_lock (read:
 * do_vmi_align_munmap downgrades it before the zap), so that mm's writers
 * wait. put_page and unpin_user_page hold no lock.
 */
export function free_blocks(k: KernelState, step: Step, t: Extract<KThread, { free: FreeHalf }>): boolean {
  if (step.op === 'memunmap_pages') return t.free.next === 'put_dev_pagemap' && getPgmap(k, step.args.pgmap)?.num === t.free.pgmap;
  if (!('proc' in t.args) || !MMAP_WRITERS.has(step.op)) return false;
  const mine = getProc(k, t.args.proc);
  return mine !== undefined && getProc(k, (step.args as { readonly proc?: unknown }).proc)?.num === mine.num;
}

/**
 * Does `step` wait for a fork of process `parent` paused in
 * copy_present_ptes: everything but a fast GUP of the parent that does not
 * fall back. Fork holds the parent's mmap_lock for writing and every VMA's
 * lock (faults and the slow GUP path wait), both PTLs of the table it
 * copies (rmap walkers wait), and the child does not run yet; gup_fast
 * takes none of them. It falls back to the slow path — and so waits — when
 * the PTE does not permit the access, when gup_fast_pte_range would
 * (gup_fast_decide), and, for FOLL_PIN, when the proposal's gup_fast heeds
 * the odd write_protect_seq (the kernel's, 57efa1fe5957). The model lets
 * nothing else past, a smaller set than the kernel's (a CPU store through
 * a writable PTE needs no fault): it cannot raise a false alarm.
 */
export function fork_blocks(k: KernelState, step: Step, parent: number): boolean {
  if (step.op !== 'get_user_pages' && step.op !== 'pin_user_pages') return true;
  const p = getProc(k, step.args.proc);
  if (p?.num !== parent || !step.args.fast) return true;
  const flags = gup_flags(k, step.op, step.args);
  const read = gup_fast_read(p, step.args.vpn, flags);
  if (read === null || k.hooks.gup_fast(folioView(k, pfn_to_slot(k, read.pfn)), { pin: flags.pin })) return true;
  const d = gup_fast_decide(k, p, step.args.vpn, read, flags);
  return d !== 'grab' && d !== 'fail';
}

/**
 * Does `step` wait for a driver migration paused in migrate_vma_collect_pmd
 * past pte_unmap_unlock `c`: everything but a madvise(MADV_DONTNEED) of its
 * process (madvise_dontneed_single_vma takes the mmap_lock for reading, as
 * the driver does, then the PTL collect dropped: its zap may clear the
 * migration entries) and a load of that process through a translation the
 * migration cleared and has not flushed (a TLB hit: no fault, no lock). The
 * migration holds its mm's mmap_lock for reading and its pages' locks; a
 * fault on a migration entry waits for it (migration_entry_wait), and the
 * model has no page locks to let the steps that would skip a locked page
 * run past it. The set is smaller than the kernel's, so it cannot raise a
 * false alarm.
 */
export function collect_blocks(k: KernelState, step: Step, c: CollectPause): boolean {
  const mine = getProc(k, (step.args as { readonly proc?: unknown }).proc)?.num === c.proc;
  if (step.op === 'madvise_dontneed') return !mine;
  if (step.op === 'cpu_read') return !(mine && c.stale.some((s) => s.vpn === step.args.vpn));
  return true;
}

/**
 * The steps of another process that run while a driver migration is paused
 * past migrate_vma_setup: fork (dup_mmap write-locks only the parent's and
 * the child's mm; copy_nonpresent_pte copies a migration entry without the
 * page's lock), mmap, mprotect (change_pte_range makes a writable
 * migration entry readable), munmap, exit and madvise(MADV_DONTNEED)
 * (zap_nonpresent_ptes clears a migration entry without it).
 */
const SETUP_RACERS: ReadonlySet<string> = new Set(['fork', 'mmap', 'mprotect', 'munmap', 'exit', 'madvise_dontneed']);

/** Accesses through a process's page tables: they wait on a migration entry (migration_entry_wait, GUP's follow_page_pte too). */
const SETUP_ACCESSES: ReadonlySet<string> = new Set(['cpu_read', 'cpu_write', 'get_user_pages', 'pin_user_pages']);

/**
 * Does `step` wait for a driver migration of process `proc` (its range
 * `vpn`, `npages`) paused past migrate_vma_setup. The driver holds that
 * mm's mmap_lock for reading and the collected pages' locks. Another
 * process's SETUP_RACERS run, and a CPU access or GUP of any process runs
 * unless it faults on a migration entry (migration_entry_wait sleeps until
 * the page is unlocked) or falls in the migrating range (a fault that fills
 * a hole there makes migrate_vma_insert_page give that page up: a result
 * the atomic migration has no order for). Everything else waits: the model
 * has no page locks to let the steps that would skip a locked page run
 * past it. The set is smaller than the kernel's, so it cannot raise a false
 * alarm.
 */
export function setup_blocks(k: KernelState, step: Step, proc: number, range: { readonly vpn: number; readonly npages: number }): boolean {
  const p = getProc(k, (step.args as { readonly proc?: unknown }).proc);
  if (SETUP_ACCESSES.has(step.op)) {
    const vpn = (step.args as { readonly vpn: number }).vpn;
    if (p?.num === proc && vpn >= range.vpn && vpn < range.vpn + range.npages) return true;
    return p?.ptes.get(vpn)?.kind === 'migration';
  }
  if (!SETUP_RACERS.has(step.op)) return true;
  return p?.num === proc;
}

/**
 * Does `step` wait for a memunmap_pages of pgmap `pgmap` paused past its
 * wait: the driver's other teardown calls on that pgmap — memunmap_pages
 * itself and migrate_device_range, its eviction — which its remove path
 * makes one after the other (dmirror_device_remove_chunks: evict, then
 * memunmap_pages), never alongside. Everything else runs: memunmap_pages
 * holds no lock while it waits.
 */
export function memunmap_blocks(k: KernelState, step: Step, pgmap: number): boolean {
  if (step.op !== 'memunmap_pages' && step.op !== 'migrate_device_range') return false;
  return getPgmap(k, step.args.pgmap)?.num === pgmap;
}

/**
 * Does `step` wait for a long-term pin paused between two rounds of
 * __gup_longterm_locked: its process's exit (the caller is one of its
 * tasks, in the driver's ioctl, holding mm_users), and, when the caller
 * holds the mmap_lock across the rounds (plain pin_user_pages: "Must be
 * called with mmap_lock held"), that mm's writers. The fast path's
 * fallback drops the lock between rounds (__get_user_pages_locked with
 * *locked == 0 takes and releases it; mm/gup.c as read): nothing else
 * waits, since the round dropped every pin and the migration is done. Up to
 * v6.2 __gup_longterm_unlocked held mmap_read_lock around the whole loop
 * [mem]; the model lets fork and munmap run there too, more than those
 * eras allowed — the retry walks the page tables again either way.
 */
export function longterm_blocks(k: KernelState, step: Step, t: LongtermRetry): boolean {
  const mine = getProc(k, (step.args as { readonly proc?: unknown }).proc)?.num === t.proc;
  if (!mine) return false;
  return step.op === 'exit' || (t.locked && MMAP_WRITERS.has(step.op));
}
