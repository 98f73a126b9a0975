// check --threads --schedule pct: a PCT plan (src/schedule/pct.ts) decides
// when a paused thread goes on. With two threads and one change point the
// plan is "t1 first" or "the main thread first", and the change point is
// the decision at which the running thread drops below the other: the
// paused fault goes on right after its start, right after the change
// point, or when the run ends (Session.finish). A main-thread step that
// would wait for it lets it go on first.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../models/ops.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { createSession } from '../../src/check/session.ts';
import { ALL_CHECKS, checkSet } from '../../src/check/checks.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { runMain } from '../../src/cli/testing/run-main.ts';

const s = (op: string, args: object, thread?: Step['thread']): Step => ({ op, args, ...(thread ? { thread } : {}) }) as Step;
const SETUP: Step[] = [
  s('memremap_pages', { type: 'PRIVATE', owner: 'dmirror0', npages: 2 }),
  s('mmap', { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }),
  s('cpu_write', { proc: 'p0', vpn: 0, value: 7 }),
  s('migrate_to_device', { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' }),
];
const START = s('cpu_read', { proc: 'p0', vpn: 0 }, { id: 't1', kind: 'start' });
const OTHERS = [s('cpu_read', { proc: 'p0', vpn: 1 }), s('device_read', { proc: 'p0', vpn: 0, npages: 2, owner: 'dmirror0' }), s('cpu_read', { proc: 'p0', vpn: 1 })];

/** The steps a session ran, as "t1 start" / "t1 resume" / the op, after SETUP, under a plan. */
function scheduled(priorities: number[], changePoints: number[], main: readonly Step[] = OTHERS): string[] {
  const session = createSession(createPair(resolveBuiltin('upstream')), checkSet(ALL_CHECKS));
  for (const step of SETUP) session.apply(step);
  session.schedule({ priorities, changePoints });
  session.apply(START);
  for (const step of main) session.apply(step);
  session.finish();
  return session.steps.slice(SETUP.length).map((r) => (r.step.thread ? `${r.step.thread.id} ${r.step.thread.kind}` : r.step.op));
}

describe('the PCT schedule of a paused thread', () => {
  it('t1 above the main thread: it goes on at once', () => {
    expect(scheduled([2, 3], [7])).toEqual(['t1 start', 't1 resume', 'cpu_read', 'device_read', 'cpu_read']);
  });

  it('the main thread above t1: t1 goes on right after the change point, or when the run ends', () => {
    // Decisions: 0 after the start, 1 after cpu_read, 2 after device_read …
    expect(scheduled([3, 2], [1])).toEqual(['t1 start', 'cpu_read', 't1 resume', 'device_read', 'cpu_read']);
    expect(scheduled([3, 2], [2])).toEqual(['t1 start', 'cpu_read', 'device_read', 't1 resume', 'cpu_read']);
    expect(scheduled([3, 2], [9])).toEqual(['t1 start', 'cpu_read', 'device_read', 'cpu_read', 't1 resume']);
  });

  it('a main-thread step that would wait for the paused fault (munmap: mmap_lock) lets it go on first', () => {
    expect(scheduled([3, 2], [9], [s('munmap', { proc: 'p0', vpn: 1, npages: 1 })])).toEqual(['t1 start', 't1 resume', 'munmap']);
  });
});

describe('check --schedule', () => {
  it('refuses a schedule it does not know, and pct without --threads (exit 2)', async () => {
    const bad = await runMain('check', 'upstream', '--runs', '5', '--threads', '--schedule', 'random');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining("--schedule: expected uniform or pct, got 'random'")]);
    const alone = await runMain('check', 'upstream', '--runs', '5', '--schedule', 'pct');
    expect([alone.code, alone.err]).toEqual([2, expect.stringContaining('--schedule pct schedules threads: it needs --threads')]);
  });
});
