// zdspec explore's search (src/explore/explore.ts): breadth first, each
// distinct state once, so its violation is a shortest one; the counts add
// up; the stops say how far the search is complete; hashed and exact keys
// see the same states.
import { describe, expect, it } from 'vitest';
import type { OpName } from '../../models/ops.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { DEFAULT_BOUNDS } from '../../src/explore/bounds.ts';
import { explore } from '../../src/explore/explore.ts';
import { runTrace } from '../../src/runner/run-trace.ts';
import { toTrace } from '../../src/check/counterexample.ts';

/** The operations coherent-v1's long-term pin bug needs; COHERENT memory only (the suite's time). */
const PIN_OPS: readonly OpName[] = ['memremap_pages', 'mmap', 'migrate_to_device', 'pin_user_pages'];
const BOUNDS = { ...DEFAULT_BOUNDS, types: ['COHERENT'] } as const;

describe('explore', () => {
  it('finds the shortest violation: coherent-v1 long-term pins a COHERENT page in 4 steps, after every 3-step trace held', () => {
    const proposal = resolveBuiltin('coherent-v1');
    const found = explore(proposal, { depth: 6, bounds: BOUNDS, ops: PIN_OPS });
    expect(found.stop).toBe('violation');
    expect(found.violation?.finding.check).toBe('no-longterm-pin-coherent');
    expect(found.violation?.steps.map((s) => s.step.op)).toEqual(['memremap_pages', 'mmap', 'migrate_to_device', 'pin_user_pages']);
    // Breadth first: every state within 3 steps was expanded, every transition from them judged, before it.
    expect(found.completeDepth).toBe(3);
    // The trace replays to the same failure at its last step.
    const steps = found.violation?.steps ?? [];
    const report = runTrace(toTrace('coherent-v1', steps), { proposal });
    expect(report.ok).toBe(false);
    expect(report.failures.some((f) => f.id === 'no-longterm-pin-coherent' && f.step === steps.length - 1)).toBe(true);
  });

  it('upstream holds within the depth; the new states per depth add up to the distinct states', () => {
    const r = explore(resolveBuiltin('upstream'), { depth: 2, bounds: BOUNDS, ops: PIN_OPS });
    expect(r.stop).toBe('complete');
    expect(r.completeDepth).toBe(2);
    expect(r.frontier).toHaveLength(3);
    expect(r.frontier.reduce((a, b) => a + b, 0)).toBe(r.states);
    expect(r.transitions).toBeGreaterThan(r.states);
  });

  it('--max-states stops cleanly, complete to the depth it was expanding', () => {
    const r = explore(resolveBuiltin('upstream'), { depth: 5, bounds: BOUNDS, ops: PIN_OPS, maxStates: 200 });
    expect(r.stop).toBe('max-states');
    expect(r.states).toBe(200);
    // The frontier counts the depth part-way reached too, so it adds up to the states.
    expect(r.partial).toBe(true);
    expect(r.frontier.reduce((a, b) => a + b, 0)).toBe(200);
    // Every depth before the one being expanded was expanded whole, its transitions judged.
    expect(r.completeDepth).toBe(r.frontier.length - 2);
  });

  it('--max-memory stops cleanly too, complete to the depth it was expanding', () => {
    const r = explore(resolveBuiltin('upstream'), { depth: 5, bounds: BOUNDS, ops: PIN_OPS, maxMemoryBytes: 1, progressEvery: 10 });
    expect(r.stop).toBe('max-memory');
    expect(r.frontier.reduce((a, b) => a + b, 0)).toBe(r.states);
    expect(r.completeDepth).toBe(r.frontier.length - 2);
  });

  it('hashed and exact keys reach the same states', () => {
    const o = { depth: 2, bounds: BOUNDS, ops: PIN_OPS };
    const hashed = explore(resolveBuiltin('upstream'), o);
    const exact = explore(resolveBuiltin('upstream'), { ...o, exact: true });
    expect(exact.states).toBe(hashed.states);
    expect(exact.frontier).toEqual(hashed.frontier);
    expect(exact.transitions).toBe(hashed.transitions);
  });
});
