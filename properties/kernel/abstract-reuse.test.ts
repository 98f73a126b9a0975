// The kernel's abstraction and view reuse the objects of the last ones that
// did not change (models/kernel/abstract.ts, kernel-view.ts): the refinement
// check then meets them as identical objects. Reuse must never change a
// value: after every step of a random sequence the reusing abstraction and
// view equal those of a fresh instance restored from the same state, which
// has nothing to reuse. And it must happen: a step that changes nothing
// gives back the same frames and process tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERA_NAMES } from '../../models/eras/era.ts';
import { ERAS } from '../../models/eras/registry.ts';
import { arbStep, prologue } from './arb-steps.ts';
import { kernelFor } from './run-steps.ts';

describe('kernel abstraction: reuse of unchanged objects', () => {
  for (const era of ERA_NAMES) {
    it(`${era}: the reusing abstraction and view equal a fresh one after every step`, () => {
      fc.assert(
        fc.property(fc.array(arbStep, { minLength: 5, maxLength: 40 }), (steps) => {
          const k = kernelFor(era);
          for (const step of [...prologue(ERAS[era]), ...steps]) {
            k.apply(step);
            const view = k.view();
            const fresh = kernelFor(era);
            fresh.restore(k.save());
            expect(view).toEqual(fresh.view());
            expect(k.abstract()).toEqual(fresh.abstract());
          }
        }),
        { numRuns: 15 },
      );
    });
  }

  it('restored with the view it had, a state is abstracted from that view: equal to a fresh one, sharing what the next step leaves', () => {
    const k = kernelFor('upstream');
    k.apply({ op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' } });
    k.apply({ op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 7 } });
    const here = k.save();
    const hereView = k.view();
    // A sibling branch, then back (explore's expansion of one state).
    k.apply({ op: 'cpu_write', args: { proc: 'p0', vpn: 1, value: 9 } });
    k.view();
    k.restore(here, hereView);
    k.apply({ op: 'cpu_read', args: { proc: 'p9', vpn: 0 } });
    const after = k.view();
    const fresh = kernelFor('upstream');
    fresh.restore(here);
    fresh.apply({ op: 'cpu_read', args: { proc: 'p9', vpn: 0 } });
    expect(after).toEqual(fresh.view());
    expect(after.state.frames).toBe(hereView.state.frames);
    expect(after.state.procs).toBe(hereView.state.procs);
  });

  it('a step that changes nothing gives back the same frames and process tables', () => {
    const k = kernelFor('upstream');
    k.apply({ op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' } });
    k.apply({ op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 7 } });
    const before = k.view();
    // An unknown process: ESRCH, nothing changes.
    k.apply({ op: 'cpu_read', args: { proc: 'p9', vpn: 0 } });
    const after = k.view();
    expect(after.state.frames).toBe(before.state.frames);
    expect(after.state.procs).toBe(before.state.procs);
    expect(after.counters[1]).toBe(before.counters[1]);
    // A write changes one frame's data: that frame is new, the others are the old objects.
    k.apply({ op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 8 } });
    const written = k.view();
    expect(written.state.frames).not.toBe(after.state.frames);
    const changed = Object.keys(written.state.frames).filter((pfn) => written.state.frames[Number(pfn)] !== after.state.frames[Number(pfn)]);
    expect(changed.map((pfn) => written.state.frames[Number(pfn)]?.data)).toEqual([8]);
  });

  it('a change to one field alone is seen (a charge move changes only the frame memcg)', () => {
    const k = kernelFor('v6.0');
    k.apply({ op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } });
    k.apply({ op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 7 } });
    k.apply({ op: 'mem_cgroup_create', args: {} });
    k.view();
    k.apply({ op: 'mem_cgroup_move_task', args: { proc: 'p0', memcg: 'm1', moveCharge: true } });
    const fresh = kernelFor('v6.0');
    fresh.restore(k.save());
    const view = k.view();
    expect(Object.values(view.state.frames).filter((f) => f.memcg === 'm1')).toHaveLength(1);
    expect(view).toEqual(fresh.view());
  });
});
