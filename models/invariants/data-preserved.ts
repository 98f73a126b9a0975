// data-preserved: whatever happens to the page behind a virtual address —
// migration to and from device memory, fork and COW, eviction, pinning — a
// read returns the last value written there (expected-read.ts, the ghost
// `written` maps), unless the page was poisoned. BUG-04 and BUG-09 lost data
// exactly this way.
import type { AbsState } from '../state.ts';
import type { ProcId, Vpn } from '../vocabulary.ts';
import { pfnLabel } from './describe.ts';
import { expectedData } from './expected-read.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import { ptesOf } from './mappings.ts';
import { argsFor, valueFor } from './step-args.ts';

const MAPPING_KINDS = new Set(['present', 'present-devmap', 'device-private', 'device-exclusive']);

/** Every mapped, unpoisoned page holds what its virtual address must read. */
function mappedPages(state: AbsState): Violation[] {
  const out: Violation[] = [];
  for (const [proc, p] of Object.entries(state.procs) as [ProcId, AbsState['procs'][ProcId]][]) {
    for (const at of ptesOf(state, proc)) {
      if (!MAPPING_KINDS.has(at.pte.kind)) continue;
      const frame = state.frames[at.pte.pfn];
      if (!frame || frame.hwpoison) continue;
      const want = expectedData(state, p, at.vpn);
      if (frame.data !== want) out.push(violation('mapped', `${pfnLabel(state, frame.pfn)}: holds ${frame.data}, but ${proc} vpn ${at.vpn} must read ${want}`));
    }
  }
  return out;
}

/**
 * What a read returned, against the value expected before the step: a read
 * fault may migrate or allocate (changing the state) but never the value.
 * The driver's verification read after migrate_to_device counts as a read
 * of the pages the range mapped before the step (`mappedOnly`): a vpn with
 * no page before has no data to keep — the page the migration gives it is
 * the `mapped` clause's — and the migration, started as a thread, may have
 * read it before a zap that came between (the driver reads its own copy).
 */
function reads(before: AbsState, step: StepContext): Violation[] {
  const out: Violation[] = [];
  const judge = (proc: ProcId, vpn: Vpn, got: number | undefined, what: string, mappedOnly = false) => {
    const p = before.procs[proc];
    if (!p || got === undefined) return;
    const pte = p.ptes[vpn];
    if (mappedOnly && pte === undefined) return;
    if (pte && before.frames[pte.pfn]?.hwpoison) return;
    const want = expectedData(before, p, vpn);
    if (got !== want) out.push(violation('read', `${what} of ${proc} vpn ${vpn} returned ${got}, but the last value written there is ${want}`));
  };
  const cpu = argsFor(step, 'cpu_read');
  const cpuValue = valueFor(step, 'cpu_read');
  if (cpu && cpuValue) judge(cpu.proc, cpu.vpn, cpuValue.value, 'cpu_read');
  const dev = argsFor(step, 'device_read');
  const devValue = valueFor(step, 'device_read');
  if (dev && devValue) for (const [i, d] of devValue.data.entries()) judge(dev.proc, dev.vpn + i, d, `device_read(${dev.owner})`);
  const mig = argsFor(step, 'migrate_to_device');
  const migValue = valueFor(step, 'migrate_to_device');
  if (mig && migValue) for (const [i, d] of migValue.data.entries()) judge(mig.proc, mig.vpn + i, d, `migrate_to_device(${mig.pgmap}) verification`, true);
  return out;
}

export const dataPreserved: Invariant = {
  id: 'data-preserved',
  statement: 'a CPU or device read of a virtual page returns the last value written to it, through migration, fork/COW, eviction and pinning, unless the page was poisoned',
  guards: [
    'mm/migrate_device.c: migrate_vma_pages',
    'mm/migrate.c: folio_migrate_copy',
    'mm/memory.c: wp_page_copy',
    'mm/memory.c: copy_present_page',
    'mm/memory.c: do_swap_page',
    'mm/hmm.c: hmm_range_fault',
  ],
  clauses: [
    { id: 'mapped', statement: 'every mapped, unpoisoned frame holds what each virtual page mapping it must read' },
    { id: 'read', statement: "a CPU read, a device read or the driver's verification read returns what the page must read" },
  ],
  check(after, before, step) {
    return [...mappedPages(after.state), ...(before && step ? reads(before.state, step) : [])];
  },
  // Some virtual page is mapped, or the step read one.
  applies(after, before, step) {
    if (before && step && (step.op === 'cpu_read' || step.op === 'device_read' || step.op === 'migrate_to_device')) return true;
    for (const p of Object.values(after.state.procs)) for (const pte of Object.values(p.ptes)) if (MAPPING_KINDS.has(pte.kind)) return true;
    return false;
  },
};
