// The part of an abstract state a linearization must reproduce (issue 12;
// concurrent-stretch.ts): the state without its ghost history, and with
// system RAM frames named by what uses them rather than by pfn.
//
// - Each frame's allocation and free counts, and what a free frame holds,
//   are left out. A concurrent thread can make a migration fail after it
//   allocated its destination page (the fault's reference on the source
//   fails folio_migrate_mapping's count check), which allocates and frees a
//   page no sequential run does; free-once judges those counts on the
//   kernel side at every step, interleaving points included.
// - Which free system page an allocation gets depends on the order the
//   allocations ran in, and two interleaved operations allocate in an order
//   no sequential run has. No program observes a system page's pfn (no
//   operation returns one), so in-use system frames are renumbered in the
//   order of their first user (a PTE "proc:vpn", a page-cache index, a GUP
//   reference or pin), and every pfn that names one is renamed alike.
//   ZONE_DEVICE frames keep their pfns: a device page's index in its pgmap
//   is the driver's to see.
import type { AbsFrame, AbsState } from '../../models/state.ts';
import { ZERO_PFN } from '../../models/vocabulary.ts';

const isSystem = (f: AbsFrame): boolean => f.pgmap === null && f.pfn !== ZERO_PFN;

export function observableState(state: AbsState): AbsState {
  const users = new Map<number, string[]>();
  const use = (pfn: number, who: string): void => {
    const f = state.frames[pfn];
    if (f === undefined || !isSystem(f)) return;
    let list = users.get(pfn);
    if (list === undefined) users.set(pfn, (list = []));
    list.push(who);
  };
  for (const [proc, p] of Object.entries(state.procs)) for (const [vpn, pte] of Object.entries(p.ptes)) use(pte.pfn, `${proc}:${vpn.padStart(6, '0')}`);
  for (const [file, f] of Object.entries(state.files)) for (const [index, pfn] of Object.entries(f.pages)) use(pfn, `${file}:${index.padStart(6, '0')}`);
  for (const [id, r] of Object.entries(state.refs)) use(r.pfn, id);
  for (const [id, r] of Object.entries(state.pins)) use(r.pfn, id);

  const frames = Object.values(state.frames);
  const system = frames.filter(isSystem);
  const key = (f: AbsFrame): string => `${f.inUse ? 0 : 1}|${(users.get(f.pfn) ?? []).sort().join(',')}|${f.data}`;
  const order = system.map((f) => ({ f, key: key(f) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.f.pfn - b.f.pfn));
  const pfns = system.map((f) => f.pfn).sort((a, b) => a - b);
  const rename = new Map<number, number>();
  for (const [i, { f }] of order.entries()) rename.set(f.pfn, pfns[i] as number);
  const to = (pfn: number): number => rename.get(pfn) ?? pfn;

  const out: Record<number, AbsFrame> = {};
  for (const f of frames) {
    const pfn = to(f.pfn);
    out[pfn] = { ...f, pfn, allocs: 0, frees: 0, data: f.inUse ? f.data : 0 };
  }
  const procs = Object.fromEntries(
    Object.entries(state.procs).map(([id, p]) => [id, { ...p, ptes: Object.fromEntries(Object.entries(p.ptes).map(([vpn, pte]) => [vpn, { ...pte, pfn: to(pte.pfn) }])) }]),
  );
  const files = Object.fromEntries(Object.entries(state.files).map(([id, f]) => [id, { ...f, pages: Object.fromEntries(Object.entries(f.pages).map(([i, pfn]) => [i, to(pfn)])) }]));
  const refs = Object.fromEntries(Object.entries(state.refs).map(([id, r]) => [id, { ...r, pfn: to(r.pfn) }]));
  const pins = Object.fromEntries(Object.entries(state.pins).map(([id, r]) => [id, { ...r, pfn: to(r.pfn) }]));
  return { ...state, frames: out, procs, files, refs, pins } as AbsState;
}
