// The interleaving-point table (models/kernel/interleaving-points.ts) keeps
// its promises: each point names a catalogue mutant that is searched with
// threads (its focus), operations that can run as a thread, and a guard in
// words; the mutant's witness starts a thread that pauses at that very
// point (properties/mutants/killed.test.ts replays it, as `check` found
// it); and `explore --threads` kills every mutant of the point with a
// shortest two-thread counterexample that pauses there
// (fixtures/point-searches.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTERLEAVING_POINTS } from '../../models/kernel/interleaving-points.ts';
import { THREAD_OPS } from '../../models/kernel/threads.ts';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { explore } from '../../src/explore/explore.ts';
import { POINT_SEARCHES } from './fixtures/point-searches.ts';

describe('the interleaving-point table', () => {
  it.each(Object.entries(INTERLEAVING_POINTS))('%s: its mutant is in the catalogue, searched with threads, its witness pauses there', (label, point) => {
    const mutant = MUTANTS.find((m) => m.id === point.mutant);
    expect(mutant, `${point.mutant} is not in models/mutants/catalogue.ts`).toBeDefined();
    expect(mutant?.focus?.threads).toBe(true);
    for (const op of point.ops) expect(THREAD_OPS).toContain(op);
    expect(point.guards.length).toBeGreaterThan(20);
    const witness = JSON.parse(readFileSync(new URL(`../mutants/witnesses/${point.mutant}.json`, import.meta.url), 'utf8')) as { steps: { thread?: { kind: string }; note?: string }[] };
    // A start that paused there; the fault shows at the point itself or after a resume.
    const threaded = witness.steps.filter((s) => s.thread !== undefined);
    expect(threaded[0]?.thread?.kind).toBe('start');
    expect(threaded[0]?.note).toBe(`recorded: paused after ${label}`);
    expect(threaded.slice(1).map((s) => s.thread?.kind)).toEqual(threaded.length > 1 ? ['resume'] : []);
  });

  it.each(Object.entries(POINT_SEARCHES))('%s: explore --threads kills each of its mutants with a two-thread counterexample that pauses there', (label, search) => {
    expect(search.mutants).toContain(INTERLEAVING_POINTS[label as keyof typeof INTERLEAVING_POINTS].mutant);
    for (const id of search.mutants) {
      const m = MUTANTS.find((x) => x.id === id);
      if (m === undefined) throw new Error(`no mutant ${id}`);
      const r = explore(resolveProposal(m.proposal), search);
      expect(r.stop, id).toBe('violation');
      const steps = r.violation?.steps ?? [];
      const threaded = steps.filter((x) => x.step.thread !== undefined);
      expect(threaded[0]?.paused, id).toBe(label);
      // Two columns: main-thread steps and t1's. A race resumed t1 after a
      // main-thread step ran while it was paused, or fails at a main-thread
      // step while t1 is paused (free's: memunmap_pages completes under
      // it); a state seen only at the point (finalize's) fails at the pause
      // itself.
      expect(steps.some((x) => x.step.thread === undefined)).toBe(true);
      const started = steps.findIndex((x) => x.step.thread?.kind === 'start');
      const resumed = steps.findIndex((x) => x.step.thread?.kind === 'resume');
      if (resumed >= 0)
        expect(
          steps.slice(started + 1, resumed).some((x) => x.step.thread === undefined),
          id,
        ).toBe(true);
      else
        expect(
          steps.slice(started + 1).every((x) => x.step.thread === undefined),
          id,
        ).toBe(true);
    }
  });
});
