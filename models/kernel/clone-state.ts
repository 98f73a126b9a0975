// The kernel model's state as data, for `zdspec explore`, which expands each
// distinct state once and so must return to a state after trying each step
// from it — in this thread or, with --workers, in another (so the copy is
// plain data that structured cloning carries: no era, no hooks, whose
// functions cannot cross). Everything the operations mutate in place is
// copied; GUP handles, whose fields are readonly, are shared.
// properties/kernel/clone-state.test.ts checks that a restored copy behaves
// exactly as the original.
import type { Era } from '../eras/era.ts';
import { Ghost } from './ghost.ts';
import type { Hooks } from './hooks.ts';
import type { KFile, KPgmap, KernelState, Proc, Pte } from './kstate.ts';
import { Memmap } from './memmap.ts';

/** The state without its era, hooks and the events of the step in progress. */
export type KernelData = Omit<KernelState, 'era' | 'hooks' | 'events'>;

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

/** A deep copy of the state's data (of a KernelState, or of data another thread sent). */
export function copyData(k: KernelData): KernelData {
  const procs = new Map<number, Proc>();
  for (const [n, p] of k.procs) procs.set(n, cloneProc(p));
  const files = new Map<number, KFile>();
  for (const [n, f] of k.files) files.set(n, cloneFile(f));
  const rmap = new Map<number, Set<number>>();
  for (const [slot, keys] of k.rmap) rmap.set(slot, new Set(keys));
  return {
    mem: Memmap.copyOf(k.mem),
    procs,
    files,
    pgmaps: k.pgmaps.map(clonePgmap),
    memcgUsage: [...k.memcgUsage],
    refs: new Map(k.refs),
    pins: new Map(k.pins),
    rmap,
    ghost: Ghost.copyOf(k.ghost),
    failNextAlloc: { ...k.failNextAlloc },
    next: { ...k.next },
  };
}

/** A running state from saved data: a fresh copy, with the instance's era and hooks. */
export const stateFrom = (data: KernelData, era: Era, hooks: Hooks): KernelState => ({ ...copyData(data), era, hooks, events: [] });
