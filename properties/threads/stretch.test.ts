// The pieces of the concurrent checks (issue 12), each made to fail once:
// what a linearization must reproduce (observable-state.ts), a stretch that
// no order explains (concurrent-stretch.ts), why only the 'always' clauses
// are judged while a thread is paused, and the trace refusals of thread
// steps that cannot run.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../models/ops.ts';
import { reference } from '../../models/reference/reference.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { INVARIANTS } from '../../models/invariants/all.ts';
import { ConcurrentStretch } from '../../src/runner/concurrent-stretch.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { atInterleavingPoint, judgeView } from '../../src/runner/evaluate-invariants.ts';
import { observableState } from '../../src/runner/observable-state.ts';
import { refuseUncreatedHandles } from '../../src/runner/refuse-uncreated-handles.ts';
import { deepEqual } from '../../src/runner/deep-equal.ts';
import { TraceError } from '../../src/trace/trace-error.ts';

const s = (op: string, args: object, thread?: Step['thread']): Step => ({ op, args, ...(thread ? { thread } : {}) }) as Step;
const upstream = resolveBuiltin('upstream');

/** p0 with two written anonymous pages, vpn 0 then vpn 1 (frames allocated in that order), and a device-private page at vpn 2. */
const SETUP: Step[] = [
  s('mmap', { proc: 'p0', npages: 3, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 1 }),
  s('cpu_write', { proc: 'p0', vpn: 1, value: 2 }),
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 1 }),
  s('cpu_write', { proc: 'p0', vpn: 2, value: 3 }),
  s('migrate_to_device', { proc: 'p0', vpn: 2, npages: 1, pgmap: 'pgmap0' }),
];
const FAULT = s('cpu_read', { proc: 'p0', vpn: 2 });

function paired(steps: readonly Step[] = SETUP) {
  const pair = createPair(upstream);
  for (const step of steps) pair.step(step);
  return pair;
}

describe('observableState: what a linearization must reproduce', () => {
  it('names system frames by their users: the same mappings on swapped pfns are the same state', () => {
    const a = paired().kernelView().state;
    // The same writes the other way round: vpn 1's page is allocated first.
    const b = paired([SETUP[0] as Step, SETUP[2] as Step, SETUP[1] as Step, ...SETUP.slice(3)]).kernelView().state;
    expect(deepEqual(a, b)).toBe(false);
    expect(deepEqual(observableState(a), observableState(b))).toBe(true);
  });

  it('still tells apart states that differ in what a program sees: data, a mapping, a device page', () => {
    const a = paired().kernelView().state;
    const other = paired([...SETUP.slice(0, 2), s('cpu_write', { proc: 'p0', vpn: 1, value: 9 }), ...SETUP.slice(3)]).kernelView().state;
    expect(deepEqual(observableState(a), observableState(other))).toBe(false);
    const unmapped = paired([...SETUP, s('munmap', { proc: 'p0', vpn: 1, npages: 1 })]).kernelView().state;
    expect(deepEqual(observableState(a), observableState(unmapped))).toBe(false);
    const back = paired([...SETUP, s('migrate_to_ram', { proc: 'p0', vpn: 2, npages: 1, pgmap: 'pgmap0' })]).kernelView().state;
    expect(deepEqual(observableState(a), observableState(back))).toBe(false);
  });

  it('leaves out allocation and free counts and what a free frame holds', () => {
    const a = paired().kernelView().state;
    const frames = Object.fromEntries(Object.entries(a.frames).map(([pfn, f]) => [pfn, f.inUse ? { ...f, allocs: f.allocs + 1, frees: f.frees + 1 } : { ...f, data: 42 }]));
    expect(deepEqual(observableState(a), observableState({ ...a, frames }))).toBe(true);
  });
});

describe('ConcurrentStretch', () => {
  it('accepts a history some order of the reference explains, and says why when none does', () => {
    const pair = paired();
    const from = pair.kernelView().state;
    const read = s('cpu_read', { proc: 'p0', vpn: 0 });
    const ok = new ConcurrentStretch(from);
    ok.atomic('t0', read, { value: 1 });
    expect(ok.linearize(reference, upstream.era, from)).toMatchObject({ ok: true, order: [read] });
    const wrong = new ConcurrentStretch(from);
    wrong.atomic('t0', read, { value: 5 });
    const verdict = wrong.linearize(reference, upstream.era, from);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.message).toMatch(/^not linearizable: .*t0: cpu_read\(p0, vpn 0\) returned 5; the reference allows 1 there/);
    const moved = new ConcurrentStretch(from);
    moved.atomic('t0', read, { value: 1 });
    const elsewhere = paired([...SETUP, s('cpu_write', { proc: 'p0', vpn: 0, value: 4 })]).kernelView().state;
    const end = moved.linearize(reference, upstream.era, elsewhere);
    expect(end.ok ? '' : end.message).toMatch(/the end state: /);
  });

  it('explains a call taken back (undo) as the call and the unpin of its pin, with the handle number handed back', () => {
    const from = paired().kernelView().state;
    const pin = s('pin_user_pages', { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false });
    const twice = new ConcurrentStretch(from);
    twice.complete(twice.undo(twice.invoke('t1', pin)), { pin: 'pin0' });
    const pinned = paired([...SETUP, pin]).kernelView().state;
    expect(twice.linearize(reference, upstream.era, pinned)).toMatchObject({ ok: true, order: [pin, pin] });
    // Taken back, the round leaves nothing pinned: an end state with a second pin is not explained.
    const leaked = new ConcurrentStretch(from);
    leaked.complete(leaked.undo(leaked.invoke('t1', pin)), { pin: 'pin0' });
    const verdict = leaked.linearize(reference, upstream.era, paired([...SETUP, pin, s('pin_user_pages', { proc: 'p0', vpn: 1, write: true, longterm: true, fast: false })]).kernelView().state);
    expect(verdict.ok ? '' : verdict.message).toMatch(/\(a round taken back\).*the end state: /);
    // A call whose reference result is an errno has nothing to take back: the undone call's {} does not fit.
    const refused = new ConcurrentStretch(from);
    refused.undo(refused.invoke('t1', s('pin_user_pages', { proc: 'p0', vpn: 9, write: true, longterm: true, fast: false })));
    const no = refused.linearize(reference, upstream.era, from);
    expect(no.ok ? '' : no.message).toMatch(/\(a round taken back\) returned a pin it took back; the reference allows -EFAULT there/);
  });
});

describe('a paused thread', () => {
  it('breaks the quiescent clauses at its interleaving point, which is why only the always clauses are judged there', () => {
    const pair = paired();
    pair.step({ ...FAULT, thread: { id: 't1', kind: 'start' } });
    const view = pair.kernelView();
    // do_swap_page's reference is nobody's in the state's accounting until the fault is done.
    const all = judgeView(INVARIANTS, view);
    expect(all.flatMap((j) => j.violations.map((v) => `${j.invariant.id}/${v.clause}`))).toContain('refcount-expected/refcount');
    expect(atInterleavingPoint(all)).toEqual([]);
    const always = INVARIANTS.flatMap((inv) => inv.clauses.filter((c) => c.when === 'always').map((c) => `${inv.id}/${c.id}`));
    expect(always).toEqual([
      'private-not-cpu-mapped/present',
      'private-not-cpu-mapped/entry-for-private',
      'device-not-on-lru/uncharged',
      'no-use-after-free/freed-used',
      'free-once/count',
      'pgmap-ref-balanced/removed-idle',
      'refcount-expected/mapcount',
      'refcount-expected/pincount',
    ]);
  });

  it('keeps a thrown invariant at an interleaving point', () => {
    const [first] = INVARIANTS;
    if (first === undefined) throw new Error('no invariants');
    expect(
      atInterleavingPoint([
        {
          invariant: first,
          violations: [
            { clause: 'threw', message: 'x' },
            { clause: 'other', message: 'y' },
          ],
        },
      ]),
    ).toEqual([{ invariant: first, violations: [{ clause: 'threw', message: 'x' }] }]);
  });

  it('makes a trace refuse what cannot run: a resume of no paused thread, a second start, a step that waits for it', () => {
    const refusal = (steps: readonly Step[]): string => {
      const pair = refuseUncreatedHandles(createPair(upstream), 't.json');
      try {
        for (const step of steps) pair.step(step);
      } catch (e) {
        if (e instanceof TraceError) return `${e.step} ${e.field}: ${e.message}`;
        throw e;
      }
      return 'accepted';
    };
    const start = { ...FAULT, thread: { id: 't1', kind: 'start' } } as Step;
    expect(refusal([...SETUP, { ...FAULT, thread: { id: 't1', kind: 'resume' } } as Step])).toBe('6 thread: t.json: step 7 (cpu_read): thread t1 is not paused');
    expect(refusal([...SETUP, start, start])).toBe('7 thread: t.json: step 8 (cpu_read): thread t1 is already running');
    expect(refusal([...SETUP, start, s('munmap', { proc: 'p0', vpn: 0, npages: 1 })])).toBe('7 thread: t.json: step 8 (munmap): it waits for thread t1, paused in the kernel (resume it first)');
    expect(refusal([...SETUP, start, s('cpu_read', { proc: 'p0', vpn: 0 }), { ...FAULT, thread: { id: 't1', kind: 'resume' } } as Step])).toBe('accepted');
  });
});
