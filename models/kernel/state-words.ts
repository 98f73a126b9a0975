// stateWords: the kernel model's whole state as a flat list of numbers, in a
// canonical order (maps by sorted key, never by insertion order), so two
// states are equal exactly when their words are. `zdspec explore` hashes the
// words to recognise a state it has already expanded; with --exact it keeps
// them whole. Strings are folded by a fixed hash so every worker thread
// computes the same words. Ghost data (what was last written) is part of the
// state: data-preserved judges reads against it.
import type { KernelState, Pte } from './kstate.ts';
import type { MigrateEntryData } from './migrate-entry.ts';

/** A string as one number (FNV-1a, 32 bits): the same in every thread. */
function str(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const sortedKeys = <K extends number>(m: ReadonlyMap<K, unknown>): K[] => [...m.keys()].sort((a, b) => a - b);

function pte(out: number[], p: Pte): void {
  out.push(str(p.kind), p.pfn, p.write ? 1 : 0, p.owner === undefined ? 0 : str(p.owner), p.dirty ? 1 : 0, p.rmap === false ? 1 : 0);
  if (p.was === undefined) out.push(-1);
  else pte(out, p.was);
}

function numberMap(out: number[], m: ReadonlyMap<number, number> | undefined): void {
  // An empty map is no map: Ghost.procMap creates one on a read.
  if (m === undefined) return void out.push(0);
  out.push(m.size);
  for (const key of sortedKeys(m)) out.push(key, m.get(key) ?? 0);
}

export function stateWords(k: KernelState): number[] {
  const out: number[] = [];
  const m = k.mem;
  out.push(m.size);
  for (let s = 0; s < m.size; s++) {
    out.push(m.pfn[s] ?? 0, m.refcount[s] ?? 0, m.mapcount[s] ?? 0, m.pincount[s] ?? 0, m.flags[s] ?? 0, m.memcg[s] ?? 0);
    out.push(m.pgmap[s] ?? 0, m.file[s] ?? 0, m.fileIndex[s] ?? 0, m.data[s] ?? 0, m.allocs[s] ?? 0, m.frees[s] ?? 0);
  }
  out.push(-2, k.procs.size);
  for (const n of sortedKeys(k.procs)) {
    const p = k.procs.get(n);
    if (p === undefined) continue;
    out.push(n, p.memcg, p.sigbus, p.nextVpn, p.vmas.length);
    for (const v of [...p.vmas].sort((a, b) => a.start - b.start)) {
      out.push(v.start, v.npages, str(v.kind), v.shared ? 1 : 0, str(v.prot), v.file ?? -1, v.pgmap ?? -1, v.pgoff);
    }
    out.push(p.ptes.size);
    for (const vpn of sortedKeys(p.ptes)) {
      const e = p.ptes.get(vpn);
      if (e === undefined) continue;
      out.push(vpn);
      pte(out, e);
    }
  }
  out.push(-3, k.files.size);
  for (const n of sortedKeys(k.files)) {
    const f = k.files.get(n);
    if (f === undefined) continue;
    out.push(n, str(f.kind), f.npages, f.vmaCount);
    numberMap(out, f.pages);
    numberMap(out, f.stored);
    if (f.punch === undefined) out.push(-1);
    else out.push(f.punch.index, f.punch.npages, f.punch.waitOn, f.punch.woken ? 1 : 0);
  }
  out.push(-4, k.pgmaps.length);
  for (const pg of k.pgmaps) out.push(pg.num, str(pg.type), str(pg.owner), pg.start, pg.npages, pg.reserved, pg.slot, pg.killed ? 1 : 0, pg.removed ? 1 : 0, pg.file ?? -1, pg.ref);
  out.push(-5, k.memcgUsage.length, ...k.memcgUsage);
  out.push(-6, k.refs.size);
  for (const n of sortedKeys(k.refs)) {
    const r = k.refs.get(n);
    if (r !== undefined) out.push(n, r.pfn, r.proc);
  }
  out.push(-7, k.pins.size);
  for (const n of sortedKeys(k.pins)) {
    const r = k.pins.get(n);
    if (r !== undefined) out.push(n, r.pfn, r.proc, r.longterm ? 1 : 0, r.write ? 1 : 0);
  }
  // Empty sets and maps are left out: a slot no PTE maps any more, a ghost
  // record nothing was written to, are the same state as none at all.
  out.push(-8);
  for (const slot of sortedKeys(k.rmap)) {
    const keys = [...(k.rmap.get(slot) ?? [])].sort((a, b) => a - b);
    if (keys.length > 0) out.push(slot, keys.length, ...keys);
  }
  for (const [mark, records] of [
    [-9, k.ghost.procs],
    [-10, k.ghost.files],
  ] as const) {
    out.push(mark);
    for (const n of sortedKeys(records)) {
      const record = records.get(n);
      if (record === undefined || record.size === 0) continue;
      out.push(n);
      numberMap(out, record);
    }
  }
  const { failNextAlloc: fail, next } = k;
  out.push(-11, fail.device ? 1 : 0, fail.system ? 1 : 0, next.proc, next.memcg, next.pgmap, next.ref, next.pin, next.file);
  // Paused threads (threads.ts), by id: where each is and what it holds.
  out.push(-12, k.threads.size);
  for (const id of [...k.threads.keys()].sort()) {
    const t = k.threads.get(id);
    if (t === undefined) continue;
    if ('fork' in t) {
      const w = t.fork.wrprotect;
      out.push(str(id), str(t.op), t.fork.parent, t.fork.child, str(t.label), w.vpn, w.write ? 1 : 0);
      continue;
    }
    if ('free' in t) {
      // A final put's handle or range (gone from the tables), and the free's second step.
      const a = t.args;
      const what = 'ref' in a ? [str(a.ref)] : 'pin' in a ? [str(a.pin)] : [str(String(a.proc)), a.vpn, a.npages];
      out.push(str(id), str(t.op), ...what, str(t.label), t.free.slot, t.free.pgmap, str(t.free.next));
      continue;
    }
    if ('unmap' in t) {
      out.push(str(id), str(t.op), str(t.args.pgmap), str(t.label), t.unmap.pgmap, t.unmap.killAfter ? 1 : 0);
      continue;
    }
    const value = 'value' in t.args ? t.args.value : 'pgmap' in t.args && t.args.pgmap !== undefined ? str(t.args.pgmap) : -1;
    out.push(str(id), str(t.op), t.args.proc === undefined ? -1 : str(String(t.args.proc)), t.args.vpn ?? -1, value, str(t.label));
    if ('fault' in t) {
      // GUP's flags (a CPU access's kind is its op).
      const bit = (b: boolean | undefined) => (b === undefined ? -1 : b ? 1 : 0);
      const a = t.args as { readonly write?: boolean; readonly fast?: boolean; readonly longterm?: boolean };
      out.push(t.fault.slot, t.fault.held ? 1 : 0, bit(a.write), bit(a.fast), bit(a.longterm));
    } else if ('gupFast' in t) {
      const r = t.gupFast.read;
      const a = t.args as { readonly write: boolean; readonly longterm?: boolean };
      out.push(t.gupFast.proc, str(r.kind), r.pfn, r.write ? 1 : 0, r.dirty ? 1 : 0, r.protnone ? 1 : 0, a.write ? 1 : 0, a.longterm === undefined ? -1 : a.longterm ? 1 : 0);
    } else if ('longterm' in t) out.push(t.longterm.proc, t.longterm.repin, t.longterm.locked ? 1 : 0, t.args.write ? 1 : 0, t.args.fast ? 1 : 0, t.args.longterm ? 1 : 0);
    else if ('mf' in t) out.push(t.mf.slot, t.mf.pgmap, t.mf.ref ? 1 : 0, t.args.index ?? -1, t.args.countIncreased ? 1 : 0);
    else if ('collect' in t) {
      // The collected entries (their migration entries are in the page tables) and the translations left unflushed.
      out.push(t.collect.proc, t.collect.entries.length, t.collect.stale.length);
      pushEntries(out, t.collect.entries);
      for (const s of t.collect.stale) out.push(s.vpn, s.pfn);
    } else if ('setup' in t) {
      // What migrate_vma_setup collected and unmapped (the migration entries are in the page tables).
      out.push(t.setup.proc, t.setup.entries.length);
      pushEntries(out, t.setup.entries);
    } else {
      out.push(t.migrate.src, t.migrate.dst, t.migrate.cpages, 'npages' in t.args ? t.args.npages : 0, t.migrate.mirror.length);
      for (const [vpn, data] of t.migrate.mirror) out.push(vpn, data);
    }
  }
  return out;
}

/** A paused migration's entries, each with its migration entries' rmap keys. */
function pushEntries(out: number[], entries: readonly MigrateEntryData[]): void {
  for (const e of entries) out.push(e.src, e.vpn, e.migrate ? 1 : 0, e.write ? 1 : 0, e.proc ?? -1, e.migrations.length, ...e.migrations);
}
