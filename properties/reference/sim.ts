// A tiny driver for reference tests: run operations one by one on the
// reference, insisting on exactly one allowed outcome unless asked for all.
import { expect } from 'vitest';
import type { Era, EraName } from '../../models/eras/era.ts';
import { ERAS } from '../../models/eras/registry.ts';
import type { Outcome } from '../../models/model.ts';
import type { OpArgs, OpName, OpResult, Step } from '../../models/ops.ts';
import { reference } from '../../models/reference/reference.ts';
import type { AbsState } from '../../models/state.ts';
import type { View } from '../../models/view.ts';

export class Sim {
  readonly era: Era;
  state: AbsState;
  lastEvents: Outcome['events'] = [];

  /** An era by name, optionally with some facts overridden (a proposal's declarative `era`). */
  constructor(era: EraName, overrides: Partial<Era> = {}) {
    this.era = { ...ERAS[era], ...overrides };
    this.state = reference.init(this.era);
  }

  /** Every allowed outcome, without moving on. */
  outcomes<K extends OpName>(op: K, args: OpArgs[K]): readonly Outcome[] {
    const before = structuredClone(this.state);
    const outs = reference.step(this.era, this.state, { op, args } as Step);
    // The input state is never mutated.
    expect(this.state).toEqual(before);
    expect(outs.length).toBeGreaterThan(0);
    return outs;
  }

  /** Run one step that must have exactly one outcome; return its result. */
  do<K extends OpName>(op: K, args: OpArgs[K]): OpResult<K> & Record<string, unknown> {
    const outs = this.outcomes(op, args);
    expect(outs).toHaveLength(1);
    return this.take(outs[0]!) as OpResult<K> & Record<string, unknown>;
  }

  /** Continue from a chosen outcome. */
  take(o: Outcome): OpResult {
    this.state = o.state;
    this.lastEvents = o.events;
    return o.result;
  }

  view(): View {
    return reference.view(this.era, this.state);
  }

  frame(pfn: number) {
    const f = this.state.frames[pfn];
    if (!f) throw new Error(`no frame ${pfn}`);
    return f;
  }

  pte(proc: string, vpn: number) {
    return this.state.procs[proc as `p${number}`]?.ptes[vpn];
  }

  refcount(pfn: number): number {
    return this.view().counters[pfn]!.refcount;
  }
}

/** One anon private writable page of p0, written with `value`: returns its vpn and pfn. */
export function anonPage(sim: Sim, value = 7, npages = 1): { vpn: number; pfn: number } {
  const { vpn } = sim.do('mmap', { proc: 'p0', npages, kind: 'anon', shared: false, prot: 'write' }) as { vpn: number };
  for (let i = 0; i < npages; i++) expect(sim.do('cpu_write', { proc: 'p0', vpn: vpn + i, value: value + i })).toEqual({});
  return { vpn, pfn: sim.pte('p0', vpn)!.pfn };
}

/** memremap_pages of `npages` pages of `type` for `owner`. */
export function device(sim: Sim, type: OpArgs['memremap_pages']['type'], owner = 'dev0', npages = 4): `pgmap${number}` {
  const r = sim.do('memremap_pages', { type, owner, npages });
  return (r as { pgmap: `pgmap${number}` }).pgmap;
}
