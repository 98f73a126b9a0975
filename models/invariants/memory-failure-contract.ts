// memory-failure-contract: what memory_failure must do per memory type
// (KERNEL-SEMANTICS §6, BUG-25, BUG-28). Device-private and device-coherent
// memory is refused ("TODO: Handle device pages which may need coordination
// with device-side memory"), so nothing may change; RAM-like memory is
// poisoned, unmapped and its users killed; its page references end as its
// remaining users give (the madvise caller's MF_COUNT_INCREASED reference and
// the get_dev_pagemap reference are dropped on every path); and a poisoned
// page is never handed out again.
import { isDeepStrictEqual } from 'node:util';
import type { OpArgs } from '../ops.ts';
import type { AbsFrame, AbsState } from '../state.ts';
import type { View } from '../view.ts';
import { GUP_PIN_COUNTING_BIAS, type Pfn, ZERO_PFN } from '../vocabulary.ts';
import { counting } from './counting.ts';
import { frameLabel } from './describe.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import { frameScope } from './frame-scope.ts';
import { framesOf, ptesByPfn, pteText } from './mappings.ts';
import { stateDiff } from './state-diff.ts';
import { argsFor } from './step-args.ts';
import { typeClass } from './type-class.ts';
import { users } from './users.ts';

/** The frame memory_failure was aimed at: pgmap+index, or proc+vpn's PTE (no fault). */
export function memoryFailureTarget(state: AbsState, args: OpArgs['memory_failure']): Pfn | undefined {
  if (args.pgmap !== undefined && args.index !== undefined) {
    const pgmap = state.pgmaps[args.pgmap];
    return pgmap && args.index >= 0 && args.index < pgmap.npages ? pgmap.start + args.index : undefined;
  }
  if (args.proc !== undefined && args.vpn !== undefined) return state.procs[args.proc]?.ptes[args.vpn]?.pfn;
  return undefined;
}

/** A hwpoison page stays out of every allocator (PageHWPoison is never cleared here). Only a touched frame's allocs can move. */
function neverReallocated(after: View, before: View, step: StepContext): Violation[] {
  const out: Violation[] = [];
  for (const frame of frameScope(before, step)) {
    const now = after.state.frames[frame.pfn];
    if (frame.hwpoison && now && now.allocs > frame.allocs) out.push(violation('never-reallocated', `${frameLabel(frame)}: hwpoison, yet allocated again (allocs ${frame.allocs} → ${now.allocs})`));
  }
  return out;
}

/**
 * When memory_failure may leave RAM-like memory unpoisoned: the zero page (a
 * reserved page: MF_IGNORED), a page already poisoned, a ZONE_DEVICE page
 * that is one of its pgmap's reserved pfns (-ENXIO), and a DAX page nobody
 * maps (dax_lock_folio finds no mapping: -EBUSY). (A pgmap going away is
 * refused outright: pgmapDying.)
 */
function mayStayUnpoisoned(state: AbsState, frame: AbsFrame): boolean {
  if (frame.pfn === ZERO_PFN || frame.hwpoison) return true;
  if (frame.pgmap === null) return false;
  const pgmap = state.pgmaps[frame.pgmap];
  // A reserved (altmap) pfn holds struct pages, not data: !pgmap_pfn_valid → -ENXIO.
  if (!pgmap || (frame.index ?? 0) < (pgmap.reserved ?? 0)) return true;
  return users(state, frame.pfn).maps === 0;
}

/**
 * Is the frame's dev_pagemap going away: memunmap_pages ran percpu_ref_kill
 * (killed, or removed), so get_dev_pagemap's percpu_ref_tryget_live fails
 * and memory_failure stops at "memory outside kernel control" (-ENXIO).
 */
function pgmapDying(state: AbsState, frame: AbsFrame): boolean {
  const pgmap = frame.pgmap === null ? undefined : state.pgmaps[frame.pgmap];
  return pgmap !== undefined && (pgmap.killed || pgmap.removed);
}

/**
 * Refused, nothing changes (`what`: the memory it is refused for). Device
 * memory's errno is the era's declared one (era.memoryFailureDeviceErrno:
 * -EBUSY since dax_lock_folio finds no DAX mapping for anonymous device
 * memory), or -ENXIO before that for a pfn get_dev_pagemap refuses or
 * pgmap_pfn_valid rejects.
 */
function refused(after: View, before: View, step: StepContext, frame: AbsFrame, clause: string, errno: string, what: string): Violation[] {
  const out: Violation[] = [];
  const label = frameLabel(frame);
  const pgmap = frame.pgmap === null ? undefined : before.state.pgmaps[frame.pgmap];
  const early = pgmap !== undefined && (pgmapDying(before.state, frame) || (frame.index ?? 0) < (pgmap.reserved ?? 0));
  const want = early ? 'ENXIO' : errno;
  if (!('errno' in step.result)) out.push(violation(clause, `${label}: memory_failure returned ${JSON.stringify(step.result)}, expected -${want} for ${what}`));
  else if (step.result.errno !== want) out.push(violation(clause, `${label}: memory_failure returned -${step.result.errno}, expected -${want} for ${what}`));
  const changed = isDeepStrictEqual(before.state, after.state) ? [] : stateDiff(before.state, after.state);
  if (changed.length > 0) out.push(violation(clause, `${label}: memory_failure of ${what} changed ${changed.join(', ')}`));
  return out;
}

/** RAM-like memory: poisoned (when it can be), every mapping replaced by a hwpoison entry, each mapper signalled once. */
function ramPoisoned(after: View, before: View, frame: AbsFrame): Violation[] {
  const out: Violation[] = [];
  const label = frameLabel(frame);
  const now = after.state.frames[frame.pfn];
  if (!now) return out;
  if (!now.hwpoison && !mayStayUnpoisoned(before.state, frame)) out.push(violation('ram-poisoned', `${label}: memory_failure left a ${frame.type} page unpoisoned`));
  if (frame.hwpoison || !now.hwpoison) return out;
  for (const at of ptesByPfn(after.state).get(frame.pfn) ?? []) {
    if (at.pte.kind !== 'hwpoison') out.push(violation('mappers-killed', `${label}: poisoned but still mapped by the ${pteText(at)}`));
  }
  const mappers = new Set((ptesByPfn(before.state).get(frame.pfn) ?? []).filter((at) => at.pte.kind !== 'hwpoison').map((at) => at.proc));
  for (const proc of mappers) {
    const was = before.state.procs[proc]?.sigbus ?? 0;
    const is = after.state.procs[proc]?.sigbus;
    if (is !== undefined && is !== was + 1) out.push(violation('mappers-killed', `${label}: ${proc} mapped it, sigbus ${was} → ${is} (expected one SIGBUS)`));
  }
  return out;
}

/**
 * BUG-28: memory_failure's own references (the madvise caller's, the
 * get_dev_pagemap one) are gone when it returns: the target's refcount moved
 * only by the users it removed (mappings turned into hwpoison entries, the
 * page cache), or reached the idle count if the page was freed; the
 * pgmap's reference count did not move.
 */
function referencesDropped(after: View, before: View, frame: AbsFrame): Violation[] {
  const out: Violation[] = [];
  const now = after.state.frames[frame.pfn];
  const c0 = before.counters[frame.pfn];
  const c1 = after.counters[frame.pfn];
  if (!now || !c0 || !c1 || frame.pfn === ZERO_PFN) return out;
  const rule = counting(after.era, frame.type);
  const u0 = users(before.state, frame.pfn);
  const u1 = users(after.state, frame.pfn);
  const usersDelta = (rule.mapsCount ? u1.maps - u0.maps : 0) + (u1.refs - u0.refs) + (u1.pins - u0.pins) * GUP_PIN_COUNTING_BIAS + Number(u1.pagecache) - Number(u0.pagecache);
  const want = !now.inUse && frame.inUse ? rule.idle : c0.refcount + usersDelta;
  if (c1.refcount !== want)
    out.push(
      violation(
        'references-dropped',
        `${frameLabel(frame)}: refcount ${c0.refcount} → ${c1.refcount} across memory_failure, expected ${want} (a reference it took was not dropped, or one it did not take was)`,
      ),
    );
  if (frame.pgmap !== null) {
    const r0 = before.pgmapRefs[frame.pgmap];
    const r1 = after.pgmapRefs[frame.pgmap];
    if (r0 !== r1) out.push(violation('references-dropped', `${frame.pgmap}: pgmap->ref ${r0} → ${r1} across memory_failure (get_dev_pagemap reference not dropped)`));
  }
  return out;
}

export const memoryFailureContract: Invariant = {
  id: 'memory-failure-contract',
  statement:
    'memory_failure refuses MEMORY_DEVICE_PRIVATE/COHERENT and PCI_P2PDMA pages with an errno and no change, poisons and unmaps RAM-like pages killing every mapper, drops its page and pgmap references on every path, and a HWPoison page is never allocated again',
  guards: [
    'mm/memory-failure.c: memory_failure',
    'mm/memory-failure.c: memory_failure_dev_pagemap',
    'mm/memory-failure.c: mf_generic_kill_procs',
    'mm/memory-failure.c: unmap_and_kill',
    'mm/memory-failure.c: put_ref_page',
    'mm/page_alloc.c: check_new_page',
  ],
  clauses: [
    { id: 'device-refused', statement: "memory_failure of a device-private or device-coherent page returns the era's errno (-ENXIO for a pgmap going away or a reserved pfn) and changes nothing" },
    {
      id: 'ram-poisoned',
      statement:
        'memory_failure of a RAM-like page (system, FS_DAX, GENERIC, HOST) leaves it HWPoison, unless it is the zero page, already poisoned, a reserved pfn of its dev_pagemap, or a DAX page nobody maps',
    },
    {
      id: 'p2pdma-refused',
      statement: 'memory_failure of a PCI_P2PDMA page (a PCI BAR: mf_generic_kill_procs finds no DAX mapping) returns -EBUSY (-ENXIO for a pgmap going away or a reserved pfn) and changes nothing',
    },
    {
      id: 'pgmap-dying-refused',
      statement:
        'memory_failure of a RAM-like ZONE_DEVICE page (FS_DAX, GENERIC) whose dev_pagemap memunmap_pages has killed returns -ENXIO and changes nothing: get_dev_pagemap hands out no dying pgmap',
    },
    { id: 'mappers-killed', statement: 'a page poisoned by the step is mapped only by hwpoison entries, and each process that mapped it got one SIGBUS' },
    { id: 'references-dropped', statement: "the target's refcount moves only by the users memory_failure removed, and pgmap->ref does not move" },
    { id: 'never-reallocated', statement: 'a HWPoison page is never allocated again' },
  ],
  check(after, before, step) {
    if (!before || !step) return [];
    const out = neverReallocated(after, before, step);
    const args = argsFor(step, 'memory_failure');
    if (!args) return out;
    const pfn = memoryFailureTarget(before.state, args);
    const frame = pfn === undefined ? undefined : before.state.frames[pfn];
    if (!frame) return out;
    const cls = typeClass(frame.type);
    if (cls === 'device-private' || cls === 'device-coherent') out.push(...refused(after, before, step, frame, 'device-refused', before.era.memoryFailureDeviceErrno, 'device memory'));
    // PCI_P2PDMA is a PCI BAR, not RAM: nothing to poison, and
    // mf_generic_kill_procs's dax_lock_folio finds no DAX mapping: -EBUSY.
    else if (frame.type === 'PCI_P2PDMA') out.push(...refused(after, before, step, frame, 'p2pdma-refused', 'EBUSY', 'device memory'));
    else if (pgmapDying(before.state, frame)) out.push(...refused(after, before, step, frame, 'pgmap-dying-refused', 'ENXIO', `a ${frame.type} page of a dying ${frame.pgmap}`));
    else out.push(...ramPoisoned(after, before, frame));
    out.push(...referencesDropped(after, before, frame));
    return out;
  },
  // The step was memory_failure, or some page was already HWPoison.
  applies(_after, before, step) {
    if (!before || !step) return false;
    if (step.op === 'memory_failure') return true;
    for (const frame of framesOf(before.state)) if (frame.hwpoison) return true;
    return false;
  },
};
