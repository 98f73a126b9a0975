// gup-contract: what get_user_pages and pin_user_pages hand back. The
// reference or pin a successful call returns is on the page the address maps
// when it returns (after the fault it took, a COW it broke, or the migration
// FOLL_LONGTERM did: the caller's DMA goes where the process's memory is);
// PCI_P2PDMA memory is refused with -EREMOTEIO without FOLL_PCI_P2PDMA (which
// zdspec never passes), and nothing else is (mm/gup.c try_grab_folio,
// try_grab_folio_fast).
import type { Errno } from '../vocabulary.ts';
import { frameLabel, pfnLabel } from './describe.ts';
import { type Invariant, type StepContext, type Violation, violation } from './invariant.ts';
import type { View } from '../view.ts';
import { argsFor, errnoOf, valueFor } from './step-args.ts';

const PRESENT = new Set(['present', 'present-devmap']);

function call(step: StepContext): { proc: string; vpn: number; handle?: { kind: 'refs' | 'pins'; id: string } } | undefined {
  const get = argsFor(step, 'get_user_pages');
  const pin = argsFor(step, 'pin_user_pages');
  const a = get ?? pin;
  if (!a) return undefined;
  const ref = valueFor(step, 'get_user_pages')?.ref;
  const p = valueFor(step, 'pin_user_pages')?.pin;
  const handle = ref ? { kind: 'refs' as const, id: ref } : p ? { kind: 'pins' as const, id: p } : undefined;
  return { proc: a.proc, vpn: a.vpn, ...(handle ? { handle } : {}) };
}

function handedOut(after: View, c: NonNullable<ReturnType<typeof call>>): Violation[] {
  if (!c.handle) return [];
  const { state } = after;
  const held = c.handle.kind === 'refs' ? state.refs[c.handle.id as `ref${number}`] : state.pins[c.handle.id as `pin${number}`];
  if (!held) return [violation('handle-mapped', `${c.handle.id}: returned, but there is no such ${c.handle.kind === 'refs' ? 'reference' : 'pin'}`)];
  const pte = state.procs[c.proc as `p${number}`]?.ptes[c.vpn];
  const out: Violation[] = [];
  if (!pte || !PRESENT.has(pte.kind) || pte.pfn !== held.pfn) {
    const maps = pte ? `a ${pte.kind} PTE to ${pfnLabel(state, pte.pfn)}` : 'nothing';
    out.push(violation('handle-mapped', `${c.handle.id} holds ${pfnLabel(state, held.pfn)}, but ${c.proc} vpn ${c.vpn} maps ${maps} when the call returns`));
  }
  const frame = state.frames[held.pfn];
  if (frame?.type === 'PCI_P2PDMA') out.push(violation('p2pdma', `${frameLabel(frame)}: ${c.handle.id} on PCI_P2PDMA memory without FOLL_PCI_P2PDMA`));
  return out;
}

/** The frame a present PTE of the address maps in `v`, if any. */
function mapped(v: View, c: NonNullable<ReturnType<typeof call>>) {
  const pte = v.state.procs[c.proc as `p${number}`]?.ptes[c.vpn];
  return pte && PRESENT.has(pte.kind) ? v.state.frames[pte.pfn] : undefined;
}

// GUP faults the address in first (handle_mm_fault maps the p2pdma page of
// a dax mmap) and refuses the page it then finds: the page may be mapped
// only after the call.
function refused(before: View, after: View, step: StepContext, c: NonNullable<ReturnType<typeof call>>): Violation[] {
  if ((errnoOf(step) as Errno | undefined) !== 'EREMOTEIO') return [];
  const frame = mapped(after, c) ?? mapped(before, c);
  if (frame?.type === 'PCI_P2PDMA') return [];
  return [violation('eremoteio', `${step.op}(${c.proc}, vpn ${c.vpn}) = -EREMOTEIO, but the address maps ${frame ? frameLabel(frame) : 'no PCI_P2PDMA page'}`)];
}

export const gupContract: Invariant = {
  id: 'gup-contract',
  statement:
    'get_user_pages and pin_user_pages return a reference or pin on the page the address maps when they return, never on PCI_P2PDMA memory, and refuse nothing but PCI_P2PDMA memory with -EREMOTEIO',
  guards: ['mm/gup.c: __get_user_pages', 'mm/gup.c: try_grab_folio', 'mm/gup.c: try_grab_folio_fast', 'mm/gup.c: check_and_migrate_movable_pages'],
  clauses: [
    { id: 'handle-mapped', statement: "a successful call's reference or pin is on the page the address maps when it returns" },
    { id: 'p2pdma', statement: 'no reference or pin handed out is on PCI_P2PDMA memory' },
    { id: 'eremoteio', statement: '-EREMOTEIO refuses PCI_P2PDMA memory only' },
  ],
  check(after, before, step) {
    if (!before || !step) return [];
    const c = call(step);
    return c ? [...handedOut(after, c), ...refused(before, after, step, c)] : [];
  },
  // GUP handed out a reference or pin, or refused with -EREMOTEIO.
  applies(_after, before, step) {
    if (!before || !step || (step.op !== 'get_user_pages' && step.op !== 'pin_user_pages')) return false;
    return !('errno' in step.result || 'signal' in step.result) || errnoOf(step) === 'EREMOTEIO';
  },
};
