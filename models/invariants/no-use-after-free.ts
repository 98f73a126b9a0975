// no-use-after-free: a frame back in its allocator is referenced by nobody.
// The exceptions are the PTEs that hold no reference: a hwpoison entry, and a
// devmap-era DAX mapping (pte_devmap takes no page reference; the page is
// "in use" only while GUP holds it, KERNEL-SEMANTICS §2.2, §7). Frames of a
// removed pgmap no longer exist at all, so nothing may name them.
import type { AbsFrame } from '../state.ts';
import { counting } from './counting.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type Violation, violation } from './invariant.ts';
import { frameScope } from './frame-scope.ts';
import { framesOf, pinsOn, ptesByPfn, pteText, refsOn } from './mappings.ts';

export const noUseAfterFree: Invariant = {
  id: 'no-use-after-free',
  statement: 'a folio that went through its free path is not mapped, referenced, pinned or in the page cache until it is allocated again; a removed dev_pagemap range is referenced by nothing',
  guards: ['mm/memremap.c: free_zone_device_folio', 'mm/memremap.c: memunmap_pages', 'mm/memory.c: zap_pte_range', 'mm/gup.c: gup_put_folio', 'mm/migrate_device.c: migrate_device_finalize'],
  clauses: [
    { id: 'freed-used', statement: 'a free frame is not mapped (but by hwpoison entries and uncounted devmap-era DAX PTEs), referenced, pinned or in the page cache', when: 'always' },
    { id: 'removed-range', statement: 'a frame of a removed dev_pagemap is not in use and nothing maps, references or pins it' },
  ],
  check(after, _before, step) {
    const { state, era } = after;
    const out: Violation[] = [];
    const ptes = ptesByPfn(state);
    const isRemoved = (f: AbsFrame) => f.pgmap !== null && state.pgmaps[f.pgmap]?.removed === true;
    for (const frame of frameScope(after, step)) {
      const removed = isRemoved(frame);
      if (frame.inUse && !removed) continue;
      const clause = removed ? 'removed-range' : 'freed-used';
      const what = removed ? `frame of removed ${frame.pgmap}` : 'free';
      if (removed && frame.inUse) out.push(violation(clause, `${frameLabel(frame)}: in use although ${frame.pgmap} was removed`));
      for (const [id, ref] of refsOn(state, frame.pfn)) out.push(violation(clause, `${frameLabel(frame)}: ${what}, but GUP reference ${id} held by ${ref.proc}`));
      for (const [id, pin] of pinsOn(state, frame.pfn)) out.push(violation(clause, `${frameLabel(frame)}: ${what}, but ${pin.longterm ? 'long-term ' : ''}pin ${id} held by ${pin.proc}`));
      if (frame.file !== null) out.push(violation(clause, `${frameLabel(frame)}: ${what}, but still in the page cache of ${frame.file} index ${frame.fileIndex}`));
      // devmap-era DAX PTEs take no reference and may stay on an idle frame,
      // but not on a frame whose range is gone.
      const uncounted = !counting(era, frame.type).mapsCount && !removed;
      for (const at of ptes.get(frame.pfn) ?? []) {
        if (at.pte.kind === 'hwpoison' || uncounted) continue;
        out.push(violation(clause, `${frameLabel(frame)}: ${what}, but mapped by the ${pteText(at)}`));
      }
    }
    return out;
  },
  // A frame left use in this step (its free path ran, or its range was
  // removed), or a free frame or one of a removed range is still named by
  // something: a PTE of any kind, a GUP reference or pin, the page cache.
  applies(after, before) {
    const { frames, pgmaps } = after.state;
    let removal = false;
    for (const p of Object.values(pgmaps)) removal ||= p.removed;
    const gone = (frame: AbsFrame | undefined) => frame !== undefined && (!frame.inUse || (removal && frame.pgmap !== null && pgmaps[frame.pgmap]?.removed === true));
    for (const ref of Object.values(after.state.refs)) if (gone(frames[ref.pfn])) return true;
    for (const pin of Object.values(after.state.pins)) if (gone(frames[pin.pfn])) return true;
    for (const p of Object.values(after.state.procs)) for (const pte of Object.values(p.ptes)) if (gone(frames[pte.pfn])) return true;
    const was = before?.state.frames;
    for (const frame of framesOf(after.state)) {
      if (!gone(frame)) continue;
      if (frame.inUse || frame.file !== null) return true;
      // Left use in this step: its free path ran (frees counts it).
      if (frame.frees > 0 && was?.[frame.pfn]?.inUse === true) return true;
    }
    return false;
  },
};
