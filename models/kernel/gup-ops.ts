// The GUP entry points as a driver calls them: one page per call, a handle
// for the reference or pin it holds.
import type { OpArgs, OpResult } from '../ops.ts';
import { EINVAL, ESRCH, getProc, handleNum } from './handles.ts';
import { type GupResult, __get_user_pages } from './gup.ts';
import { gup_put_folio } from './gup-refs.ts';
import type { GupFlags } from './hooks.ts';
import { type KernelState, type Proc, slotOf } from './kstate.ts';

/** The flags a driver's call passes: FOLL_GET, or FOLL_PIN with FOLL_LONGTERM where the era has it. */
export function gup_flags(k: KernelState, op: 'get_user_pages' | 'pin_user_pages', a: OpArgs['get_user_pages'] | OpArgs['pin_user_pages']): GupFlags {
  if (op === 'get_user_pages') return { write: a.write, pin: false, longterm: false };
  return { write: a.write, pin: true, longterm: 'longterm' in a && a.longterm && k.era.follLongterm };
}

/** get_user_pages / get_user_pages_fast (FOLL_GET). */
export function get_user_pages(k: KernelState, a: OpArgs['get_user_pages']): OpResult<'get_user_pages'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  return gup_reference(k, p, __get_user_pages(k, p, a.vpn, gup_flags(k, 'get_user_pages', a), a.fast));
}

/** pin_user_pages / pin_user_pages_fast (FOLL_PIN, FOLL_LONGTERM where the era has it). */
export function pin_user_pages(k: KernelState, a: OpArgs['pin_user_pages']): OpResult<'pin_user_pages'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  return gup_pin(k, p, a, __get_user_pages(k, p, a.vpn, gup_flags(k, 'pin_user_pages', a), a.fast));
}

/** The driver's handle for the FOLL_GET reference GUP took (the page it put in pages[]), or GUP's errno. */
export function gup_reference(k: KernelState, p: Proc, r: GupResult): OpResult<'get_user_pages'> {
  if ('errno' in r) return r;
  const n = k.next.ref++;
  k.refs.set(n, { pfn: k.mem.pfn[r.slot] ?? -1, proc: p.num });
  return { ref: `ref${n}` };
}

/** The driver's handle for the pin GUP took, or GUP's errno. */
export function gup_pin(k: KernelState, p: Proc, a: OpArgs['pin_user_pages'], r: GupResult): OpResult<'pin_user_pages'> {
  if ('errno' in r) return r;
  const n = k.next.pin++;
  k.pins.set(n, { pfn: k.mem.pfn[r.slot] ?? -1, proc: p.num, longterm: a.longterm, write: a.write });
  return { pin: `pin${n}` };
}

/** put_page on a FOLL_GET reference. */
export function put_page(k: KernelState, a: OpArgs['put_page']): OpResult<'put_page'> {
  const n = handleNum('ref', a.ref);
  const ref = k.refs.get(n);
  if (!ref) return EINVAL;
  k.refs.delete(n);
  gup_put_folio(k, slotOf(k, ref.pfn), false);
  return {};
}

/** unpin_user_page (mm/gup.c → gup_put_folio(FOLL_PIN)). */
export function unpin_user_page(k: KernelState, a: OpArgs['unpin_user_page']): OpResult<'unpin_user_page'> {
  const n = handleNum('pin', a.pin);
  const pin = k.pins.get(n);
  if (!pin) return EINVAL;
  k.pins.delete(n);
  gup_put_folio(k, slotOf(k, pin.pfn), true);
  return {};
}
