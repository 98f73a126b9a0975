// cloneState: a deep copy of the kernel model's state, for `zdspec explore`,
// which expands each distinct state once and so must return to a state after
// trying each step from it. Everything the operations mutate in place is
// copied; what they never mutate (the era, the hooks, GUP handles, whose
// fields are readonly) is shared. properties/kernel/clone-state.test.ts
// checks that a restored copy behaves exactly as the original.
import type { KFile, KPgmap, KernelState, Proc, Pte } from './kstate.ts';

const clonePte = (p: Pte): Pte => (p.was === undefined ? { ...p } : { ...p, was: clonePte(p.was) });

function cloneProc(p: Proc): Proc {
  const ptes = new Map<number, Pte>();
  for (const [vpn, pte] of p.ptes) ptes.set(vpn, clonePte(pte));
  return { num: p.num, memcg: p.memcg, vmas: p.vmas.map((v) => ({ ...v })), ptes, sigbus: p.sigbus, nextVpn: p.nextVpn };
}

function cloneFile(f: KFile): KFile {
  const c: KFile = { kind: f.kind, npages: f.npages, pages: new Map(f.pages), vmaCount: f.vmaCount, stored: new Map(f.stored) };
  if (f.punch !== undefined) c.punch = { ...f.punch };
  return c;
}

const clonePgmap = (pg: KPgmap): KPgmap => ({ ...pg });

export function cloneState(k: KernelState): KernelState {
  const procs = new Map<number, Proc>();
  for (const [n, p] of k.procs) procs.set(n, cloneProc(p));
  const files = new Map<number, KFile>();
  for (const [n, f] of k.files) files.set(n, cloneFile(f));
  const rmap = new Map<number, Set<number>>();
  for (const [slot, keys] of k.rmap) rmap.set(slot, new Set(keys));
  return {
    era: k.era,
    hooks: k.hooks,
    mem: k.mem.clone(),
    procs,
    files,
    pgmaps: k.pgmaps.map(clonePgmap),
    memcgUsage: [...k.memcgUsage],
    refs: new Map(k.refs),
    pins: new Map(k.pins),
    rmap,
    ghost: k.ghost.clone(),
    failNextAlloc: { ...k.failNextAlloc },
    next: { ...k.next },
    events: [],
  };
}
