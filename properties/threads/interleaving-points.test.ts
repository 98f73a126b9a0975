// The interleaving-point table (models/kernel/interleaving-points.ts) keeps
// its promises: each point names a catalogue mutant that is searched with
// threads (its focus), operations that can run as a thread, and a guard in
// words; the mutant's witness starts a thread that pauses at that very
// point (properties/mutants/killed.test.ts replays it, as `check` found
// it). That `explore --threads` kills every mutant of the point with a
// shortest two-thread counterexample that pauses there is por.test.ts's,
// from the searches it runs anyway (fixtures/point-searches.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTERLEAVING_POINTS } from '../../models/kernel/interleaving-points.ts';
import { THREAD_OPS } from '../../models/kernel/threads.ts';
import { MUTANTS } from '../../models/mutants/catalogue.ts';

describe('the interleaving-point table', () => {
  it.each(Object.entries(INTERLEAVING_POINTS))('%s: its mutant is in the catalogue, searched with threads, its witness pauses there', (label, point) => {
    const mutant = MUTANTS.find((m) => m.id === point.mutant);
    expect(mutant, `${point.mutant} is not in models/mutants/catalogue.ts`).toBeDefined();
    expect(mutant?.focus?.threads).toBe(true);
    for (const op of point.ops) expect(THREAD_OPS).toContain(op);
    expect(point.guards.length).toBeGreaterThan(20);
    const witness = JSON.parse(readFileSync(new URL(`../mutants/witnesses/${point.mutant}.json`, import.meta.url), 'utf8')) as { steps: { thread?: { kind: string }; note?: string }[] };
    // A start, then resumes; one of them paused there (a migration may pause at
    // collect's point before finalize's); the fault shows at the point itself
    // or after a resume.
    const threaded = witness.steps.filter((s) => s.thread !== undefined);
    expect(threaded[0]?.thread?.kind).toBe('start');
    expect(threaded.slice(1).every((s) => s.thread?.kind === 'resume')).toBe(true);
    expect(threaded.some((s) => s.note === `recorded: paused after ${label}`)).toBe(true);
  });
});
