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
import { Memmap, type PackedMemmap } from './memmap.ts';

/** The state without its era, hooks and the events of the step in progress; the memmap packed. */
export type KernelData = Omit<KernelState, 'era' | 'hooks' | 'events' | 'mem'> & { readonly mem: PackedMemmap };

/** A PTE copied deep (a migration entry's `was` too). */
export const clonePte = (p: Pte): Pte => (p.was === undefined ? { ...p } : { ...p, was: clonePte(p.was) });

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

/** Everything but the memmap, copied (from a running state or from saved data). */
function copyRest(k: Omit<KernelData, 'mem'>): Omit<KernelData, 'mem'> {
  const procs = new Map<number, Proc>();
  for (const [n, p] of k.procs) procs.set(n, cloneProc(p));
  const files = new Map<number, KFile>();
  for (const [n, f] of k.files) files.set(n, cloneFile(f));
  const rmap = new Map<number, Set<number>>();
  for (const [slot, keys] of k.rmap) rmap.set(slot, new Set(keys));
  return {
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
    // A paused thread's fields are never changed in place (threads.ts replaces it).
    threads: new Map(k.threads),
  };
}

/** The state's data, saved: a deep copy sharing nothing with the running state. */
export const saveData = (k: KernelState): KernelData => ({ ...copyRest(k), mem: k.mem.pack() });

/** A running state from saved data (of this thread or another): a fresh copy, with the instance's era and hooks. */
export const stateFrom = (data: KernelData, era: Era, hooks: Hooks): KernelState => ({ ...copyRest(data), mem: Memmap.unpack(data.mem), era, hooks, events: [] });
