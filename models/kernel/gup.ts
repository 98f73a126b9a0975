// get_user_pages / pin_user_pages (mm/gup.c): follow_page_pte, faultin_page,
// try_grab_folio (FOLL_GET: +1; FOLL_PIN: +GUP_PIN_COUNTING_BIAS and
// pincount), the fast path, and FOLL_LONGTERM's
// check_and_migrate_movable_pages.
import { match } from 'ts-pattern';
import type { Errno } from '../vocabulary.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { dax_folio_init } from './dax.ts';
import { folioView, frameType } from './folio-view.ts';
import { check_and_migrate_movable_pages, gup_grab_unwalked } from './gup-longterm.ts';
import type { GupFlags, PteValueView } from './hooks.ts';
import { type KernelState, type Proc, type Pte, page_pgmap, slotOf, type Vma, vma_lookup } from './kstate.ts';
import { PG_inuse } from './memmap.ts';
import { type FaultError, handle_mm_fault } from './memory.ts';
import { put_ref_page, take_extra_ref } from './put-ref-page.ts';
import { folio_get_pin } from './gup-refs.ts';
import { folio_get } from './swap.ts';

export type GupResult = { readonly slot: number } | { readonly errno: Errno };

/** __gup_longterm_locked retries after a migration; the kernel loops on -EAGAIN, the model gives up after a few rounds. */
const MAX_LONGTERM_RETRIES = 4;

/**
 * __get_user_pages for one page (mm/gup.c): check_vma_flags, then the fast
 * path if asked (gup_fast_pte_range, falling back to the slow path), then
 * gup_slow.
 */
export function __get_user_pages(k: KernelState, p: Proc, vpn: number, flags: GupFlags, fast: boolean): GupResult {
  const refused = check_vma_flags(k, p, vpn, flags);
  if (refused !== null) return refused;
  const read = fast ? gup_fast_read(p, vpn, flags) : null;
  if (read !== null) {
    const r = gup_fast_grab(k, p, vpn, read, flags);
    if (r !== 'fallback') return r;
  }
  return gup_slow(k, p, vpn, flags);
}

/**
 * The slow path: follow_page_pte / faultin_page / try_grab_folio and, for
 * FOLL_LONGTERM, check_and_migrate_movable_pages (__gup_longterm_locked).
 * Once a folio moved (-EAGAIN) no pin is held and __get_user_pages_locked
 * has dropped the mmap_lock it took (a caller without it: the fast path's
 * fallback, FOLL_UNLOCKABLE) before the next round walks the page tables
 * again: an interleaving point (threads.ts), where a thread armed for it
 * (k.longtermAt) stops. Its result is then not used.
 */
export function gup_slow(k: KernelState, p: Proc, vpn: number, flags: GupFlags): GupResult {
  for (let round = 0; round < MAX_LONGTERM_RETRIES; round++) {
    const r = follow_or_fault(k, p, vpn, flags);
    if ('errno' in r) return r;
    const g = grab_or_errno(k, r.slot, flags);
    if ('errno' in g || !flags.longterm) return g;
    const c = check_and_migrate_movable_pages(k, g.slot, flags);
    if (c === 'ok') return g;
    if (typeof c === 'string' && c !== 'again') return { errno: c };
    const repin = typeof c === 'object' ? c.repin : -1;
    if (k.longtermAt !== undefined) {
      k.longtermAt.paused = { proc: p.num, repin };
      return { errno: 'EAGAIN' };
    }
    if (repin >= 0) return gup_longterm_repin(k, repin, flags);
  }
  return { errno: 'EBUSY' };
}

/**
 * The next round of __gup_longterm_locked after a migration: the page-table
 * walk again (__get_user_pages_locked, from check_vma_flags) — or, where the
 * proposal's migrate_longterm_unpinnable_folios keeps the destination
 * (`repin`), a pin on that folio with no walk.
 */
export function gup_longterm_retry(k: KernelState, p: Proc, vpn: number, flags: GupFlags, repin: number): GupResult {
  return repin >= 0 ? gup_longterm_repin(k, repin, flags) : __get_user_pages(k, p, vpn, flags, false);
}

function gup_longterm_repin(k: KernelState, slot: number, flags: GupFlags): GupResult {
  gup_grab_unwalked(k, slot, flags);
  return { slot };
}

/**
 * The value of a PTE as gup_fast_pte_range compares it (pte_val): a copy,
 * so a later change to the entry does not reach it. The model keeps a
 * VMA's protection on the VMA; change_pte_range makes every PTE of a
 * PROT_NONE VMA a protnone one, so that is part of the value here.
 */
export const pteValue = (pte: Pte, vma: Vma | undefined): PteValueView => ({ kind: pte.kind, pfn: pte.pfn, write: pte.write, dirty: pte.dirty === true, protnone: vma?.prot === 'none' });

/**
 * gup_fast_pte_range's lockless read (ptep_get_lockless): the PTE's value
 * the fast path goes on from, or null when it falls back at once (no
 * present page, or pte_access_permitted refuses a write). Nothing is
 * locked or held past it (only local interrupts are off): an interleaving
 * point (threads.ts).
 */
export function gup_fast_read(p: Proc, vpn: number, flags: GupFlags): PteValueView | null {
  const pte = p.ptes.get(vpn);
  if (!pte || (pte.kind !== 'present' && pte.kind !== 'present-devmap') || (flags.write && !pte.write)) return null;
  const value = pteValue(pte, vma_lookup(p, vpn));
  // "Always fallback to ordinary GUP on PROT_NONE-mapped pages" (pte_protnone).
  return value.protnone ? null : value;
}

/**
 * The rest of gup_fast_pte_range from the value `read`:
 * try_grab_folio_fast (the proposal's decision, then folio_try_get, which
 * takes no reference on a folio whose count is 0: freed since the read),
 * then the re-read: "if (pte_val(pte) != pte_val(ptep_get(ptep)))
 * gup_put_folio" — the reference is dropped and GUP falls back when the PTE
 * changed (a fork write-protected it, a zap or migration unmapped it: they
 * did not see the reference). The model decides on the re-read before it
 * takes the reference, which ends the same: nothing runs between the two.
 */
export function gup_fast_grab(k: KernelState, p: Proc, vpn: number, read: PteValueView, flags: GupFlags): GupResult | 'fallback' {
  const slot = slotOf(k, read.pfn);
  const d = gup_fast_decide(k, p, vpn, read, flags);
  if (d === 'fail') return { errno: 'EFAULT' };
  if (d === 'backout') gup_fast_backout(k, slot, flags);
  if (d !== 'grab') return 'fallback';
  grab_folio(k, slot, flags);
  return { slot };
}

/**
 * What gup_fast_grab will do, without doing it: grab, fail (-EFAULT), or
 * fall back to the slow path — after backing a reference out ('backout':
 * try_grab_folio_fast refused a folio it had got) or at once.
 */
export function gup_fast_decide(k: KernelState, p: Proc, vpn: number, read: PteValueView, flags: GupFlags): 'grab' | 'fail' | 'backout' | 'fallback' {
  const slot = slotOf(k, read.pfn);
  const folio = folioView(k, slot);
  const d = k.hooks.try_grab_folio_fast(folio, flags);
  if (d !== 'grab') return d === 'fail' ? 'fail' : 'backout';
  if (slot !== ZERO_PFN && (k.mem.refcount[slot] ?? 0) === 0) return 'fallback';
  const pte = p.ptes.get(vpn);
  return k.hooks.gup_fast_pte_range(folio, { read, now: pte ? pteValue(pte, vma_lookup(p, vpn)) : null }) ? 'grab' : 'fallback';
}

/**
 * find_vma and check_vma_flags (mm/gup.c): no VMA, or one the flags may not
 * use. null when GUP goes on to follow the page.
 */
export function check_vma_flags(k: KernelState, p: Proc, vpn: number, flags: GupFlags): { readonly errno: Errno } | null {
  const vma = vma_lookup(p, vpn);
  if (!vma) return { errno: 'EFAULT' };
  // check_vma_flags: "(gup_flags & FOLL_LONGTERM) && vma_is_fsdax(vma)" →
  // -EOPNOTSUPP comes before the read/write permission checks.
  if (flags.longterm && vma.kind === 'dax' && k.era.fsdaxVmaLongtermEopnotsupp && vma.pgmap !== null && k.pgmaps[vma.pgmap]?.type === 'FS_DAX') {
    return { errno: 'EOPNOTSUPP' };
  }
  if (vma.prot === 'none') return { errno: 'EFAULT' };
  if (flags.write && vma.prot !== 'write') return { errno: 'EFAULT' };
  return null;
}

/**
 * follow_page_pte, and faultin_page when the PTE is not present, not
 * writable for a write, or a device-private/exclusive entry.
 */
function follow_or_fault(k: KernelState, p: Proc, vpn: number, flags: GupFlags): GupResult {
  const pte = p.ptes.get(vpn);
  if (pte?.kind === 'hwpoison') return { errno: 'EHWPOISON' };
  if (pte && (pte.kind === 'present' || pte.kind === 'present-devmap') && (!flags.write || pte.write)) return { slot: slotOf(k, pte.pfn) };
  const vma = vma_lookup(p, vpn);
  if (!vma) return { errno: 'EFAULT' };
  const r = handle_mm_fault(k, p, vma, vpn, flags.write);
  if (!r.ok) return { errno: vm_fault_to_errno(r.why) };
  return { slot: r.slot };
}

/** vm_fault_to_errno (include/linux/mm.h): VM_FAULT_OOM → -ENOMEM, VM_FAULT_HWPOISON → -EHWPOISON, VM_FAULT_SIGBUS → -EFAULT (docs §6.4). */
export function vm_fault_to_errno(why: FaultError): Errno {
  return match(why)
    .with('OOM', (): Errno => 'ENOMEM')
    .with('HWPOISON', (): Errno => 'EHWPOISON')
    .with('SIGBUS', (): Errno => 'EFAULT')
    .exhaustive();
}

function grab_or_errno(k: KernelState, slot: number, flags: GupFlags): GupResult {
  const e = try_grab_folio(k, slot, flags);
  return e === null ? { slot } : { errno: e };
}

/**
 * try_grab_folio (mm/gup.c): P2PDMA pages are refused without
 * FOLL_PCI_P2PDMA; the zero page is never pinned or counted; an idle DAX
 * frame becomes busy; FOLL_GET adds one, FOLL_PIN adds
 * GUP_PIN_COUNTING_BIAS and counts the pin.
 */
export function try_grab_folio(k: KernelState, slot: number, flags: GupFlags): Errno | null {
  const refuse = match(TYPE_RULES[frameType(k, slot)].gup)
    .with('EREMOTEIO', () => true)
    .with('grab', 'fault-to-ram', () => false)
    .exhaustive();
  if (refuse) return 'EREMOTEIO';
  grab_folio(k, slot, flags);
  return null;
}

/**
 * The references try_grab_folio and try_grab_folio_fast take once they
 * decided to grab (the fast path's own refusals are its hook's decision).
 */
function grab_folio(k: KernelState, slot: number, flags: GupFlags): void {
  if (slot === ZERO_PFN) return;
  if (page_pgmap(k, slot) && !k.mem.has(slot, PG_inuse)) dax_folio_init(k, slot);
  if (flags.pin) {
    folio_get_pin(k, slot);
  } else {
    folio_get(k, slot);
  }
}

/**
 * try_grab_folio_fast (mm/gup.c) refuses a FOLL_LONGTERM folio only after
 * folio_try_get took its reference ("!folio_is_longterm_pinnable(folio) →
 * gup_put_folio; return NULL"), so falling back to the slow path drops a
 * reference it took; P2PDMA is refused before any is taken.
 */
function gup_fast_backout(k: KernelState, slot: number, flags: GupFlags): void {
  if (!flags.longterm || TYPE_RULES[frameType(k, slot)].gup !== 'grab') return;
  if (take_extra_ref(k, slot)) put_ref_page(k, slot, 'gup_fast_pte_range');
}
