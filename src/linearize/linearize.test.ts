// linearize on small histories with a known answer: a register and a
// counter, concurrent and sequential, with operations still in flight, and
// the explanation of a history no order explains.
import { describe, expect, it } from 'vitest';
import type { Operation, SequentialSpec } from './history.ts';
import { linearize } from './linearize.ts';

type RegOp = { op: 'write'; value: number } | { op: 'read' };
const register: SequentialSpec<number, RegOp, number | null> = {
  init: 0,
  step: (s, i) => (i.op === 'write' ? [{ state: i.value, output: null }] : [{ state: s, output: s }]),
  key: (s) => String(s),
  sameOutput: (a, b) => a === b,
};

let nextId = 0;
const op = (thread: string, input: RegOp, invoke: number, at?: number, output: number | null = null): Operation<RegOp, number | null> => ({
  id: nextId++,
  thread,
  input,
  invoke,
  ...(at === undefined ? {} : { returned: { at, output } }),
});
const w = (t: string, value: number, invoke: number, at?: number) => op(t, { op: 'write', value }, invoke, at, null);
const r = (t: string, output: number, invoke: number, at?: number) => op(t, { op: 'read' }, invoke, at, output);

describe('linearize', () => {
  it('a sequential history is linearizable in its own order', () => {
    const h = [w('t1', 1, 0, 1), r('t1', 1, 2, 3), w('t2', 2, 4, 5), r('t2', 2, 6, 7)];
    expect(linearize(h, register)).toEqual({ ok: true, order: h.map((o) => o.id) });
  });

  it('a read overlapping a write may see either value', () => {
    for (const seen of [0, 1]) {
      const h = [w('t1', 1, 0, 10), r('t2', seen, 2, 5)];
      expect(linearize(h, register).ok).toBe(true);
    }
  });

  it('a read after a write returned must see it: not linearizable, and why', () => {
    const write = w('t1', 1, 0, 1);
    const read = r('t2', 0, 2, 3);
    const out = linearize([write, read], register);
    expect(out).toEqual({ ok: false, longest: [write.id], stuck: [{ id: read.id, why: 'output', allowed: [1] }] });
  });

  it('real time orders operations that do not overlap, even across threads', () => {
    // t2 reads 2 after t1's write of 2 returned, then t3 reads 1: only a
    // write of 1 linearized between them could explain it, and there is none.
    const h = [w('t1', 1, 0, 1), w('t1', 2, 2, 3), r('t2', 2, 4, 5), r('t3', 1, 6, 7)];
    const out = linearize(h, register);
    expect(out.ok).toBe(false);
    expect(out.ok === false && out.stuck).toEqual([{ id: h[3]!.id, why: 'output', allowed: [2] }]);
  });

  it('an operation in flight may take effect or not, with any output', () => {
    const pending = w('t1', 5, 0);
    expect(linearize([pending, r('t2', 5, 1, 2)], register).ok).toBe(true);
    expect(linearize([pending, r('t2', 0, 1, 2)], register).ok).toBe(true);
    // But not before it was invoked.
    expect(linearize([w('t1', 5, 3), r('t2', 5, 1, 2)], register).ok).toBe(false);
  });

  it('an operation in flight that could never take effect is left out', () => {
    // A lock: acquire only when free. t2's acquire is still waiting while t1 holds it.
    const lock: SequentialSpec<boolean, 'acquire', null> = {
      init: false,
      step: (held) => (held ? [] : [{ state: true, output: null }]),
      key: (held) => String(held),
      sameOutput: () => true,
    };
    const h: Operation<'acquire', null>[] = [
      { id: 1, thread: 't1', input: 'acquire', invoke: 0, returned: { at: 1, output: null } },
      { id: 2, thread: 't2', input: 'acquire', invoke: 2 },
    ];
    expect(linearize(h, lock)).toEqual({ ok: true, order: [1] });
  });

  it('names the operation that must come first when it is the one not done', () => {
    // The read of 3 can only follow the write of 3, which itself had to come after the read of 7 returned.
    const first = r('t1', 7, 0, 1);
    const write = w('t2', 3, 2, 3);
    const out = linearize([first, write], register);
    expect(out).toEqual({
      ok: false,
      longest: [],
      stuck: [
        { id: first.id, why: 'output', allowed: [0] },
        { id: write.id, why: 'after', after: first.id },
      ],
    });
  });

  it('many concurrent increments stay cheap: each (set done, state) is searched once', () => {
    let steps = 0;
    const counter: SequentialSpec<number, 'inc' | 'get', number | null> = {
      init: 0,
      step: (s, i) => {
        steps++;
        return i === 'inc' ? [{ state: s + 1, output: null }] : [{ state: s, output: s }];
      },
      key: (s) => String(s),
      sameOutput: (a, b) => a === b,
    };
    const incs = Array.from({ length: 12 }, (_, i): Operation<'inc' | 'get', number | null> => ({ id: i, thread: `t${i}`, input: 'inc', invoke: 0, returned: { at: 100, output: null } }));
    const get = (id: number, output: number): Operation<'inc' | 'get', number | null> => ({ id, thread: 'g', input: 'get', invoke: 101, returned: { at: 102, output } });
    expect(linearize([...incs, get(99, 12)], counter).ok).toBe(true);
    steps = 0;
    const out = linearize([...incs, get(99, 11)], counter);
    expect(out.ok === false && out.stuck).toEqual([{ id: 99, why: 'output', allowed: [12] }]);
    // 2^12 sets of increments done, 13 candidates each; without the memo, 12! orders.
    expect(steps).toBeLessThan(2 ** 12 * 13 + 100);
  });
});
