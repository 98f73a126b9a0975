// One frame a step touched, as compact "field before→after" words: the memory
// type, refcount, mapcount, pincount, the PTEs mapping it (kind), memcg.
// Unchanged counters are shown once, so a reader sees the frame's state.
import type { FrameChange, FrameFacts } from './frame-diff.ts';

const show = (v: unknown): string => {
  // Brackets round a list of several PTEs, so "→" is seen to join the lists, not the entries next to it.
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.length === 1 ? String(v[0]) : `[${v.join('; ')}]`;
  if (v === null || v === undefined) return '-';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
};

const FIELDS: readonly (readonly [keyof FrameFacts, string])[] = [
  ['inUse', 'in-use'],
  ['refcount', 'refcount'],
  ['mapcount', 'mapcount'],
  ['pincount', 'pincount'],
  ['ptes', 'pte'],
  ['memcg', 'memcg'],
  ['hwpoison', 'hwpoison'],
];

/** Words like "refcount 1→2"; the caller joins and wraps them. */
export function frameWords(change: FrameChange): string[] {
  const { before, after } = change;
  // memremap_pages creates frames: their idle state is all there is to say.
  if (before === undefined && after !== undefined) return [`pfn ${change.pfn} ${after.type}:`, 'new,', `refcount ${show(after.refcount)}`];
  const words = [`pfn ${change.pfn} ${after?.type ?? before?.type ?? '?'}:`];
  for (const [field, label] of FIELDS) {
    const b = show(before?.[field]);
    const a = show(after?.[field]);
    // A poison bit that stayed clear is noise.
    if (field === 'hwpoison' && a === 'no' && b === 'no') continue;
    words.push(b === a ? `${label} ${a},` : `${label} ${b}→${a},`);
  }
  const last = words.length - 1;
  words[last] = words[last]!.replace(/,$/, '');
  return words;
}

export const frameLine = (change: FrameChange): string => frameWords(change).join(' ');

/**
 * A step's frames, one line each as its words (frameWords: a text report
 * wraps between them, and inside one only when it does not fit on a line);
 * a run of frames a step created (a new pgmap) collapses into one "pfns A–B"
 * line.
 */
export function frameLines(changes: readonly FrameChange[]): string[][] {
  const out: string[][] = [];
  let run: FrameChange[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last && run.length > 1) out.push([`pfns ${first.pfn}-${last.pfn} ${first.after?.type ?? '?'}:`, 'new,', `refcount ${show(first.after?.refcount)}`]);
    else if (first) out.push(frameWords(first));
    run = [];
  };
  for (const change of changes) {
    const created = change.before === undefined && change.after !== undefined;
    const prev = run[run.length - 1];
    const joins = created && prev !== undefined && prev.pfn + 1 === change.pfn && prev.after?.type === change.after?.type && prev.after?.refcount === change.after?.refcount;
    if (!joins) flush();
    if (created) run.push(change);
    else out.push(frameWords(change));
  }
  flush();
  return out;
}
