// get_user_pages / pin_user_pages (mm/gup.c): follow_page_pte, faultin_page,
// try_grab_folio (FOLL_GET: +1; FOLL_PIN: +GUP_PIN_COUNTING_BIAS and
// pincount), the fast path, and FOLL_LONGTERM's
// check_and_migrate_movable_pages.
import { match } from 'ts-pattern';
import type { Errno } from '../vocabulary.ts';
import { GUP_PIN_COUNTING_BIAS, ZERO_PFN } from '../vocabulary.ts';
import { TYPE_RULES } from '../type-rules.ts';
import { dax_folio_init } from './dax.ts';
import { folioView, frameType } from './folio-view.ts';
import type { GupFlags } from './hooks.ts';
import { type KernelState, type Proc, page_pgmap, slotOf, vma_lookup } from './kstate.ts';
import { PG_inuse } from './memmap.ts';
import { type FaultError, handle_mm_fault } from './memory.ts';
import { migrate_device_coherent_folio } from './migrate-device-range.ts';
import { folio_get, folio_put, folio_put_refs } from './swap.ts';

export type GupResult = { readonly slot: number } | { readonly errno: Errno };

/** __gup_longterm_locked retries after a migration; the kernel loops on -EAGAIN, the model gives up after a few rounds. */
const MAX_LONGTERM_RETRIES = 4;

/**
 * __get_user_pages for one page (mm/gup.c): check_vma_flags, then the fast
 * path if asked (gup_fast → try_grab_folio_fast, falling back to the slow
 * path), then follow_page_pte / faultin_page / try_grab_folio and, for
 * FOLL_LONGTERM, check_and_migrate_movable_pages (__gup_longterm_locked).
 */
export function __get_user_pages(k: KernelState, p: Proc, vpn: number, flags: GupFlags, fast: boolean): GupResult {
  const vma = vma_lookup(p, vpn);
  if (!vma) return { errno: 'EFAULT' };
  // check_vma_flags: "(gup_flags & FOLL_LONGTERM) && vma_is_fsdax(vma)" →
  // -EOPNOTSUPP comes before the read/write permission checks.
  if (flags.longterm && vma.kind === 'dax' && k.era.fsdaxVmaLongtermEopnotsupp && vma.pgmap !== null && k.pgmaps[vma.pgmap]?.type === 'FS_DAX') {
    return { errno: 'EOPNOTSUPP' };
  }
  if (vma.prot === 'none') return { errno: 'EFAULT' };
  if (flags.write && vma.prot !== 'write') return { errno: 'EFAULT' };
  if (fast) {
    const pte = p.ptes.get(vpn);
    if (pte && (pte.kind === 'present' || pte.kind === 'present-devmap') && (!flags.write || pte.write)) {
      const slot = slotOf(k, pte.pfn);
      const d = k.hooks.try_grab_folio_fast(folioView(k, slot), flags);
      if (d === 'grab') return grab_or_errno(k, slot, flags);
      if (d === 'fail') return { errno: 'EFAULT' };
    }
  }
  for (let round = 0; round < MAX_LONGTERM_RETRIES; round++) {
    const r = follow_or_fault(k, p, vpn, flags);
    if ('errno' in r) return r;
    const g = grab_or_errno(k, r.slot, flags);
    if ('errno' in g || !flags.longterm) return g;
    const c = check_and_migrate_movable_pages(k, g.slot, flags);
    if (c !== 'again') return c === 'ok' ? g : { errno: c };
  }
  return { errno: 'EBUSY' };
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
  if (slot === ZERO_PFN) return null;
  if (page_pgmap(k, slot) && !k.mem.has(slot, PG_inuse)) dax_folio_init(k, slot);
  if (flags.pin) {
    folio_get_pin(k, slot);
  } else {
    folio_get(k, slot);
  }
  return null;
}

function folio_get_pin(k: KernelState, slot: number): void {
  k.mem.refcount[slot] = (k.mem.refcount[slot] ?? 0) + GUP_PIN_COUNTING_BIAS;
  k.mem.pincount[slot] = (k.mem.pincount[slot] ?? 0) + 1;
}

/** gup_put_folio (mm/gup.c): undo try_grab_folio. */
export function gup_put_folio(k: KernelState, slot: number, pin: boolean): void {
  if (slot === ZERO_PFN) return;
  if (!pin) {
    folio_put(k, slot);
    return;
  }
  k.mem.pincount[slot] = (k.mem.pincount[slot] ?? 0) - 1;
  folio_put_refs(k, slot, GUP_PIN_COUNTING_BIAS);
}

/**
 * check_and_migrate_movable_pages (mm/gup.c) for the pinned folio:
 * folio_is_longterm_pinnable, and for an unpinnable folio what
 * __gup_longterm_locked does (the proposal's gup_longterm_unpinnable):
 * keep the pin, fail, or turn the pin into a reference and migrate the folio
 * (migrate_longterm_unpinnable_folios → migrate_device_coherent_folio), then
 * ask the caller to pin again (-EAGAIN).
 */
export function check_and_migrate_movable_pages(k: KernelState, slot: number, flags: GupFlags): 'ok' | 'again' | Errno {
  if (k.hooks.folio_is_longterm_pinnable(folioView(k, slot))) return 'ok';
  const d = k.hooks.gup_longterm_unpinnable(folioView(k, slot));
  return match(d)
    .with({ action: 'pin' }, (): 'ok' => 'ok')
    .with({ action: 'fail' }, (f): Errno => {
      gup_put_folio(k, slot, flags.pin);
      return f.errno;
    })
    .with({ action: 'migrate' }, (): 'ok' | 'again' | Errno => {
      if (slot === ZERO_PFN) return 'ok'; // the zero page is never pinned: nothing to move
      folio_get(k, slot);
      gup_put_folio(k, slot, flags.pin);
      return migrate_device_coherent_folio(k, slot) ? 'again' : 'EBUSY';
    })
    .exhaustive();
}
