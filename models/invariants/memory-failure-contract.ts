// memory-failure-contract: what memory_failure must do per memory type
// (KERNEL-SEMANTICS §6, BUG-25, BUG-28). Device-private and device-coherent
// memory is refused ("TODO: Handle device pages which may need coordination
// with device-side memory"), so nothing may change; RAM-like memory is
// poisoned, unmapped and its users killed; on every path the caller's page
// reference (MF_COUNT_INCREASED) and the get_dev_pagemap reference are
// dropped; and a poisoned page is never handed out again.
import { isDeepStrictEqual } from 'node:util';
import type { OpArgs } from '../ops.ts';
import type { AbsState } from '../state.ts';
import type { View } from '../view.ts';
import type { Pfn, PgmapId } from '../vocabulary.ts';
import { frameLabel } from './describe.ts';
import type { Invariant, StepContext } from './invariant.ts';
import { ptesByPfn, pteText } from './mappings.ts';
import { stateDiff } from './state-diff.ts';
import { argsFor } from './step-args.ts';
import { typeClass } from './type-class.ts';

/** The frame memory_failure was aimed at: pgmap+index, or proc+vpn's PTE (no fault). */
export function memoryFailureTarget(state: AbsState, args: OpArgs['memory_failure']): Pfn | undefined {
  if (args.pgmap !== undefined && args.index !== undefined) {
    const pgmap = state.pgmaps[args.pgmap];
    return pgmap && args.index >= 0 && args.index < pgmap.npages ? pgmap.start + args.index : undefined;
  }
  if (args.proc !== undefined && args.vpn !== undefined) return state.procs[args.proc]?.ptes[args.vpn]?.pfn;
  return undefined;
}

/** A hwpoison page stays out of every allocator (PageHWPoison is never cleared here). */
function neverReallocated(after: View, before: View): string[] {
  const out: string[] = [];
  for (const frame of Object.values(before.state.frames)) {
    const now = after.state.frames[frame.pfn];
    if (frame.hwpoison && now && now.allocs > frame.allocs) out.push(`${frameLabel(frame)}: hwpoison, yet allocated again (allocs ${frame.allocs} → ${now.allocs})`);
  }
  return out;
}

/** BUG-28: no path of memory_failure may leave a page or pgmap reference behind. */
function referencesDropped(after: View, before: View): string[] {
  const out: string[] = [];
  for (const frame of Object.values(before.state.frames)) {
    const now = after.state.frames[frame.pfn];
    if (now && now.leaked !== frame.leaked) out.push(`${frameLabel(frame)}: leaked page references ${frame.leaked} → ${now.leaked} across memory_failure (MF_COUNT_INCREASED reference not dropped)`);
  }
  for (const [id, pgmap] of Object.entries(before.state.pgmaps) as [PgmapId, AbsState['pgmaps'][PgmapId]][]) {
    const now = after.state.pgmaps[id];
    if (now && now.leaked !== pgmap.leaked) out.push(`${id}: leaked pgmap references ${pgmap.leaked} → ${now.leaked} across memory_failure (get_dev_pagemap reference not dropped)`);
  }
  return out;
}

/** The type's contract for the target frame. */
function perType(after: View, before: View, step: StepContext, pfn: Pfn): string[] {
  const frame = before.state.frames[pfn];
  const now = after.state.frames[pfn];
  if (!frame || !now) return [];
  const label = frameLabel(frame);
  if (typeClass(frame.type) === 'device-private' || typeClass(frame.type) === 'device-coherent') {
    const out: string[] = [];
    if (!('errno' in step.result)) out.push(`${label}: memory_failure returned ${JSON.stringify(step.result)}, expected an errno for device memory`);
    const changed = isDeepStrictEqual(before.state, after.state) ? [] : stateDiff(before.state, after.state);
    if (changed.length > 0) out.push(`${label}: memory_failure of device memory changed ${changed.join(', ')}`);
    return out;
  }
  const out: string[] = [];
  const succeeded = !('errno' in step.result) && !('signal' in step.result);
  if (succeeded && !now.hwpoison) out.push(`${label}: memory_failure succeeded but the page is not hwpoison`);
  // Whenever the page was poisoned by this step (success, or EBUSY with GUP
  // users left), unmap_and_kill must have unmapped and signalled every user.
  if (frame.hwpoison || !now.hwpoison) return out;
  for (const at of ptesByPfn(after.state).get(pfn) ?? []) {
    if (at.pte.kind !== 'hwpoison') out.push(`${label}: poisoned but still mapped by the ${pteText(at)}`);
  }
  const mappers = new Set((ptesByPfn(before.state).get(pfn) ?? []).filter((at) => at.pte.kind !== 'hwpoison').map((at) => at.proc));
  for (const proc of mappers) {
    const was = before.state.procs[proc]?.sigbus ?? 0;
    const is = after.state.procs[proc]?.sigbus;
    if (is !== undefined && is !== was + 1) out.push(`${label}: ${proc} mapped it, sigbus ${was} → ${is} (expected one SIGBUS)`);
  }
  return out;
}

export const memoryFailureContract: Invariant = {
  id: 'memory-failure-contract',
  statement: 'memory_failure refuses MEMORY_DEVICE_PRIVATE/COHERENT pages with an errno and no change, poisons and unmaps RAM-like pages killing every mapper, drops its page and pgmap references on every path, and a HWPoison page is never allocated again',
  guards: [
    'mm/memory-failure.c: memory_failure',
    'mm/memory-failure.c: memory_failure_dev_pagemap',
    'mm/memory-failure.c: mf_generic_kill_procs',
    'mm/memory-failure.c: unmap_and_kill',
    'mm/memory-failure.c: put_ref_page',
    'mm/page_alloc.c: check_new_page',
  ],
  check(after, before, step) {
    if (!before || !step) return [];
    const out = neverReallocated(after, before);
    const args = argsFor(step, 'memory_failure');
    if (!args) return out;
    out.push(...referencesDropped(after, before));
    const pfn = memoryFailureTarget(before.state, args);
    if (pfn !== undefined) out.push(...perType(after, before, step, pfn));
    return out;
  },
};
