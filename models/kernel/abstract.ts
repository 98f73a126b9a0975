// abstract(kernelState): the AbsState the refinement check compares with the
// reference's, read off the kernel model's arrays and tables in canonical
// form (records keyed by handle, vmas sorted by start, no undefined values).
// Given the previous abstraction, a frame, PTE, VMA list or process equal to
// the one it had there is that same object: a step changes a few entities,
// and the reference's draft (copy-on-write) shares the rest, so the
// refinement check's deepEqual meets most of the state as identical objects.
import type { AbsFile, AbsFrame, AbsGupRef, AbsPgmap, AbsPin, AbsProc, AbsPte, AbsState, AbsVma } from '../state.ts';
import type { FileId, MemcgId, PgmapId, PinId, ProcId, RefId } from '../vocabulary.ts';
import type { KernelState } from './kstate.ts';
import { PG_anon, PG_dirty, PG_hwpoison, PG_inuse } from './memmap.ts';

const toRecord = <V>(m: ReadonlyMap<number, V>): Record<number, V> => {
  const out: Record<number, V> = {};
  for (const key of [...m.keys()].sort((a, b) => a - b)) out[key] = m.get(key) as V;
  return out;
};

/** Handle names, made once per number (a frame's fields are compared every step). */
function names<T extends string>(prefix: string): (n: number) => T {
  const made: T[] = [];
  return (n) => (made[n] ??= `${prefix}${n}` as T);
}
const pgmapName = names<PgmapId>('pgmap');
const memcgName = names<MemcgId>('m');
const fileName = names<FileId>('f');

/**
 * Does `old` still describe memmap slot `s`? absFrame's fields, read the same
 * way but compared before anything is allocated (the two must agree:
 * properties/kernel/abstract-reuse.test.ts compares reuse with a fresh
 * abstraction after every step).
 */
function slotIs(k: KernelState, s: number, old: AbsFrame): boolean {
  const m = k.mem;
  const pg = (m.pgmap[s] ?? -1) >= 0 ? k.pgmaps[m.pgmap[s] ?? -1] : undefined;
  const memcg = m.memcg[s] ?? -1;
  const file = m.file[s] ?? -1;
  return (
    old.type === (pg?.type ?? 'SYSTEM') &&
    old.pgmap === (pg ? pgmapName(pg.num) : null) &&
    old.index === (pg ? old.pfn - pg.start : null) &&
    old.inUse === m.has(s, PG_inuse) &&
    old.data === (m.data[s] ?? 0) &&
    old.memcg === (memcg < 0 ? null : memcgName(memcg)) &&
    old.anon === m.has(s, PG_anon) &&
    old.file === (file < 0 ? null : fileName(file)) &&
    old.fileIndex === (file < 0 ? null : (m.fileIndex[s] ?? null)) &&
    old.hwpoison === m.has(s, PG_hwpoison) &&
    old.allocs === (m.allocs[s] ?? 0) &&
    old.frees === (m.frees[s] ?? 0) &&
    (old.dirty === true) === m.has(s, PG_dirty)
  );
}

function absFrame(k: KernelState, s: number): AbsFrame {
  const m = k.mem;
  const pfn = m.pfn[s] ?? -1;
  const pg = (m.pgmap[s] ?? -1) >= 0 ? k.pgmaps[m.pgmap[s] ?? -1] : undefined;
  const memcg = m.memcg[s] ?? -1;
  const file = m.file[s] ?? -1;
  return {
    pfn,
    type: pg?.type ?? 'SYSTEM',
    pgmap: pg ? pgmapName(pg.num) : null,
    index: pg ? pfn - pg.start : null,
    inUse: m.has(s, PG_inuse),
    data: m.data[s] ?? 0,
    memcg: memcg < 0 ? null : memcgName(memcg),
    anon: m.has(s, PG_anon),
    file: file < 0 ? null : fileName(file),
    fileIndex: file < 0 ? null : (m.fileIndex[s] ?? null),
    hwpoison: m.has(s, PG_hwpoison),
    allocs: m.allocs[s] ?? 0,
    frees: m.frees[s] ?? 0,
    ...(m.has(s, PG_dirty) ? { dirty: true as const } : {}),
  };
}

/** How many frames a table this module built holds (a restore may change the memmap's size). */
const TABLE_SIZES = new WeakMap<object, number>();

function absFrames(k: KernelState, prev: Readonly<Record<number, AbsFrame>> | undefined): Readonly<Record<number, AbsFrame>> {
  const m = k.mem;
  const same = (s: number): boolean => {
    const old = prev?.[m.pfn[s] ?? -1];
    return old !== undefined && slotIs(k, s, old);
  };
  // The slots before the first change keep their frames; none changed (a
  // failed or read-only step): the previous table itself, so the whole
  // memmap compares by identity.
  let first = 0;
  if (prev !== undefined && TABLE_SIZES.get(prev) === m.size) {
    while (first < m.size && same(first)) first++;
    if (first === m.size) return prev;
  }
  const frames: Record<number, AbsFrame> = {};
  for (let s = 0; s < m.size; s++) {
    const pfn = m.pfn[s] ?? -1;
    frames[pfn] = s < first || same(s) ? (prev?.[pfn] as AbsFrame) : absFrame(k, s);
  }
  TABLE_SIZES.set(frames, m.size);
  return frames;
}

const samePte = (a: AbsPte, b: AbsPte): boolean => a.kind === b.kind && a.pfn === b.pfn && a.write === b.write && a.owner === b.owner && a.dirty === b.dirty;
const sameVma = (a: AbsVma, b: AbsVma): boolean =>
  a.start === b.start && a.npages === b.npages && a.kind === b.kind && a.shared === b.shared && a.prot === b.prot && a.file === b.file && a.pgmap === b.pgmap && a.pgoff === b.pgoff;

/** `old` when `fresh` holds the same entries (compared by identity, then `same`), else `fresh` with every equal entry replaced by the old object. */
function reuseRecord<K extends PropertyKey, V>(old: Readonly<Record<K, V>> | undefined, fresh: Record<K, V>, same: (a: V, b: V) => boolean): Readonly<Record<K, V>> {
  if (old === undefined) return fresh;
  let n = 0;
  let all = true;
  for (const key in fresh) {
    const o = old[key];
    const f = fresh[key];
    if (o !== undefined && (o === f || same(o, f))) fresh[key] = o;
    else all = false;
    n++;
  }
  for (const _ in old) n--;
  return all && n === 0 ? old : fresh;
}

const never = (): boolean => false;

function reuseProc(old: AbsProc | undefined, p: AbsProc): AbsProc {
  if (old === undefined) return p;
  const ptes = reuseRecord(old.ptes, p.ptes as Record<number, AbsPte>, samePte);
  const written = reuseRecord(old.written, p.written as Record<number, number>, (a, b) => a === b);
  const vmas = old.vmas.length === p.vmas.length && old.vmas.every((v, i) => sameVma(v, p.vmas[i]!)) ? old.vmas : p.vmas;
  if (ptes === old.ptes && written === old.written && vmas === old.vmas && old.memcg === p.memcg && old.sigbus === p.sigbus && old.nextVpn === p.nextVpn) return old;
  return { ...p, ptes, written, vmas };
}

function absProc(k: KernelState, num: number): AbsProc | undefined {
  const p = k.procs.get(num);
  if (!p) return undefined;
  const ptes: Record<number, AbsPte> = {};
  for (const vpn of [...p.ptes.keys()].sort((a, b) => a - b)) {
    const pte = p.ptes.get(vpn);
    if (!pte || pte.kind === 'migration') continue;
    const base: AbsPte = pte.kind === 'device-exclusive' ? { kind: pte.kind, pfn: pte.pfn, write: pte.write, owner: pte.owner ?? '' } : { kind: pte.kind, pfn: pte.pfn, write: pte.write };
    ptes[vpn] = pte.dirty ? { ...base, dirty: true } : base;
  }
  const vmas: AbsVma[] = [...p.vmas]
    .sort((a, b) => a.start - b.start)
    .map((v) => ({
      start: v.start,
      npages: v.npages,
      kind: v.kind,
      shared: v.shared,
      prot: v.prot,
      file: v.file === null ? null : fileName(v.file),
      pgmap: v.pgmap === null ? null : pgmapName(v.pgmap),
      pgoff: v.pgoff,
    }));
  return {
    memcg: memcgName(p.memcg),
    vmas,
    ptes,
    written: toRecord(k.ghost.procs.get(num) ?? new Map()),
    sigbus: p.sigbus,
    nextVpn: p.nextVpn,
  };
}

export function abstractState(k: KernelState, prev?: AbsState): AbsState {
  const pgmaps: Record<PgmapId, AbsPgmap> = {};
  for (const pg of k.pgmaps) {
    pgmaps[pgmapName(pg.num)] = {
      type: pg.type,
      owner: pg.owner,
      start: pg.start,
      npages: pg.npages,
      ...(pg.reserved > 0 ? { reserved: pg.reserved } : {}),
      killed: pg.killed,
      removed: pg.removed,
      file: pg.file === null ? null : fileName(pg.file),
    };
  }
  const procs: Record<ProcId, AbsProc> = {};
  for (const num of [...k.procs.keys()].sort((a, b) => a - b)) {
    const p = absProc(k, num);
    if (p) procs[`p${num}`] = reuseProc(prev?.procs[`p${num}`], p);
  }
  const files: Record<FileId, AbsFile> = {};
  for (const num of [...k.files.keys()].sort((a, b) => a - b)) {
    const f = k.files.get(num);
    if (!f) continue;
    const punch = f.punch && { punchHole: { index: f.punch.index, npages: f.punch.npages, waitOn: k.mem.pfn[f.punch.waitOn] ?? -1 } };
    files[fileName(num)] = {
      kind: f.kind,
      npages: f.npages,
      pages: toRecord(f.pages),
      written: toRecord(k.ghost.files.get(num) ?? new Map()),
      stored: toRecord(f.stored),
      ...punch,
    };
  }
  const refs: Record<RefId, AbsGupRef> = {};
  for (const n of [...k.refs.keys()].sort((a, b) => a - b)) {
    const r = k.refs.get(n);
    if (r) refs[`ref${n}`] = { pfn: r.pfn, proc: `p${r.proc}` };
  }
  const pins: Record<PinId, AbsPin> = {};
  for (const n of [...k.pins.keys()].sort((a, b) => a - b)) {
    const r = k.pins.get(n);
    if (r) pins[`pin${n}`] = { pfn: r.pfn, proc: `p${r.proc}`, longterm: r.longterm, write: r.write };
  }
  return {
    frames: absFrames(k, prev?.frames),
    pgmaps,
    // The processes were reused one by one above: the table is the old one when all were.
    procs: reuseRecord(prev?.procs, procs, never),
    files,
    memcgs: k.memcgUsage.map((_, i) => memcgName(i)),
    refs,
    pins,
    failNextAlloc: { device: k.failNextAlloc.device, system: k.failNextAlloc.system },
    next: { ...k.next },
  };
}
