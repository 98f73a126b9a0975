// The frames a step touched, before → after: every frame whose facts changed
// in the step, plus frames a failure message names ("pfn 257"). What a
// reviewer needs beside a counterexample: type, refcount, mapcount, pincount,
// the PTEs mapping it and its memcg (printed by frame-line.ts).
import type { View } from '../../models/view.ts';
import type { Pfn, ProcId } from '../../models/vocabulary.ts';
import { deepEqual } from '../runner/deep-equal.ts';

export interface FrameFacts {
  readonly type: string;
  readonly inUse: boolean;
  readonly refcount: number | undefined;
  readonly mapcount: number | undefined;
  readonly pincount: number | undefined;
  /** Who maps it: "p0:3 present w" per PTE; empty when nothing does. */
  readonly ptes: readonly string[];
  readonly memcg: string | null;
  readonly hwpoison: boolean;
}

export interface FrameChange {
  readonly pfn: Pfn;
  readonly before: FrameFacts | undefined;
  readonly after: FrameFacts | undefined;
}

function mappers(view: View): Map<Pfn, string[]> {
  const byPfn = new Map<Pfn, string[]>();
  for (const [proc, { ptes }] of Object.entries(view.state.procs)) {
    for (const [vpn, pte] of Object.entries(ptes)) {
      const list = byPfn.get(pte.pfn) ?? [];
      list.push(`${proc}:${vpn} ${pte.kind}${pte.write ? ' w' : ''}`);
      byPfn.set(pte.pfn, list);
    }
  }
  return byPfn;
}

function facts(view: View, ptes: Map<Pfn, string[]>, pfn: Pfn): FrameFacts | undefined {
  const frame = view.state.frames[pfn];
  if (frame === undefined) return undefined;
  const counters = view.counters[pfn];
  return {
    type: frame.type,
    inUse: frame.inUse,
    refcount: counters?.refcount,
    mapcount: counters?.mapcount,
    pincount: counters?.pincount,
    ptes: ptes.get(pfn) ?? [],
    memcg: frame.memcg,
    hwpoison: frame.hwpoison,
  };
}

/**
 * pfns a message names: "pfn 257", "pfn=257", "frame 257", and — given a
 * view — the frame behind a page named "p0:3".
 */
export function pfnsNamedIn(messages: readonly string[], view?: View): Pfn[] {
  const found = new Set<Pfn>();
  for (const message of messages) {
    for (const match of message.matchAll(/\b(?:pfn|frame)[\s=:#]*(0x[0-9a-f]+|\d+)/gi)) found.add(Number(match[1]));
    if (view === undefined) continue;
    for (const match of message.matchAll(/\b(p\d+):(\d+)\b/g)) {
      const pte = view.state.procs[match[1] as ProcId]?.ptes[Number(match[2])];
      if (pte !== undefined) found.add(pte.pfn);
    }
  }
  return [...found];
}

export function frameDiff(before: View, after: View, named: readonly Pfn[] = []): FrameChange[] {
  const ptesBefore = mappers(before);
  const ptesAfter = mappers(after);
  const pfns = new Set<Pfn>(named);
  for (const key of new Set([...Object.keys(before.state.frames), ...Object.keys(after.state.frames)])) {
    const pfn = Number(key);
    if (!deepEqual(facts(before, ptesBefore, pfn), facts(after, ptesAfter, pfn))) pfns.add(pfn);
  }
  return [...pfns].sort((a, b) => a - b).map((pfn) => ({ pfn, before: facts(before, ptesBefore, pfn), after: facts(after, ptesAfter, pfn) }));
}
