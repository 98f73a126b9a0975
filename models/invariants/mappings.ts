// Who names a frame, by handle: the PTEs, GUP references and pins pointing at
// it. users.ts counts them; these name them for messages and for the
// invariants that ask "which process maps it".
import type { AbsFrame, AbsGupRef, AbsPin, AbsPte, AbsState } from '../state.ts';
import type { Pfn, PinId, ProcId, RefId, Vpn } from '../vocabulary.ts';

export interface PteAt {
  readonly proc: ProcId;
  readonly vpn: Vpn;
  readonly pte: AbsPte;
}

const PTES_BY_PFN = new WeakMap<AbsState['procs'], ReadonlyMap<Pfn, readonly PteAt[]>>();

/**
 * Every PTE of every process, hwpoison entries included, in one pass, made
 * once per process table: several invariants ask for it after each step,
 * and a step that changes no page table leaves the table the same object.
 */
export function ptesByPfn(state: AbsState): ReadonlyMap<Pfn, readonly PteAt[]> {
  const cached = PTES_BY_PFN.get(state.procs);
  if (cached !== undefined) return cached;
  const out = new Map<Pfn, PteAt[]>();
  for (const [proc, p] of Object.entries(state.procs) as [ProcId, AbsState['procs'][ProcId]][]) {
    for (const [vpnKey, pte] of Object.entries(p.ptes)) {
      const list = out.get(pte.pfn) ?? [];
      list.push({ proc, vpn: Number(vpnKey), pte });
      out.set(pte.pfn, list);
    }
  }
  PTES_BY_PFN.set(state.procs, out);
  return out;
}

/** The PTEs of one process, in vpn order. */
export function ptesOf(state: AbsState, proc: ProcId): PteAt[] {
  const p = state.procs[proc];
  if (!p) return [];
  return Object.entries(p.ptes)
    .map(([vpnKey, pte]) => ({ proc, vpn: Number(vpnKey), pte }))
    .sort((a, b) => a.vpn - b.vpn);
}

export function refsOn(state: AbsState, pfn: Pfn): [RefId, AbsGupRef][] {
  return (Object.entries(state.refs) as [RefId, AbsGupRef][]).filter(([, r]) => r.pfn === pfn);
}

export function pinsOn(state: AbsState, pfn: Pfn): [PinId, AbsPin][] {
  return (Object.entries(state.pins) as [PinId, AbsPin][]).filter(([, p]) => p.pfn === pfn);
}

export const pteText = (at: PteAt): string => `${at.pte.kind} PTE at ${at.proc} vpn ${at.vpn}`;

const FRAME_LISTS = new WeakMap<AbsState['frames'], readonly AbsFrame[]>();

/**
 * Every frame of a state, listed once per state: enumerating the
 * pfn-keyed record (sparse: system RAM, then each pgmap's range) is what a
 * scan costs, and the `applies` premises scan it after every step — the
 * state after one step is the state before the next.
 */
export function framesOf(state: AbsState): readonly AbsFrame[] {
  let list = FRAME_LISTS.get(state.frames);
  if (list === undefined) FRAME_LISTS.set(state.frames, (list = Object.values(state.frames)));
  return list;
}
