// explore --threads with the partial-order reduction
// (src/explore/commutes-with-start.ts) against the unreduced search: for
// each interleaving point, on upstream, v6.1 (where the point's rules
// differ by era) and the catalogue's thread mutants of that point (every
// thread mutant is in one), at bounds where
// the race is in reach, the two give the same verdict — the same
// stop, the same check failing after the same number of steps, the same
// depth complete — and the reduced one never keeps more states. Where the
// main thread has steps that commute with a paused start (a fault paused
// on one page while the other is evicted), it keeps fewer; with the worker
// pool it keeps exactly what one thread keeps. And every mutant of a point
// is killed by the unreduced search with a shortest two-thread
// counterexample that pauses at that point.
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { explore, type ExploreOptions, type ExploreResult } from '../../src/explore/explore.ts';
import { explorePool } from '../../src/explore/pool/explore-pool.ts';
import { INTERLEAVING_POINTS, type InterleavingLabel } from '../../models/kernel/interleaving-points.ts';
import { POINT_SEARCHES } from './fixtures/point-searches.ts';

const verdict = (r: ExploreResult) => ({ stop: r.stop, completeDepth: r.completeDepth, check: r.violation?.finding.check, length: r.violation?.steps.length });

const proposalsFor = (mutants: readonly string[], sameInEveryEra = false): [string, ResolvedProposal][] => [
  ['upstream', resolveBuiltin('upstream')],
  ...(sameInEveryEra ? [] : [['v6.1', resolveBuiltin('v6.1')] as [string, ResolvedProposal]]),
  ...mutants.map((id): [string, ResolvedProposal] => {
    const m = MUTANTS.find((x) => x.id === id);
    if (m === undefined) throw new Error(`no mutant ${id}`);
    return [id, resolveProposal(m.proposal)];
  }),
];

describe('explore --threads: the partial-order reduction against the unreduced search', () => {
  // Each search's two results, for the test after them.
  const searched = new Map<string, { full: ExploreResult; reduced: ExploreResult }>();

  it('every thread mutant of the catalogue is in one of the searches', () => {
    const searched = Object.values(POINT_SEARCHES).flatMap((o) => o.mutants);
    expect(searched.sort()).toEqual(
      MUTANTS.filter((m) => m.focus?.threads === true)
        .map((m) => m.id)
        .sort(),
    );
  });

  for (const [search, { mutants, sameInEveryEra, ...options }] of Object.entries(POINT_SEARCHES)) {
    it.each(proposalsFor(mutants, sameInEveryEra))(`${search}: %s gives the same verdict with fewer or as many states`, (name, proposal) => {
      const full = explore(proposal, options);
      const reduced = explore(proposal, { ...options, por: true });
      expect(verdict(reduced)).toEqual(verdict(full));
      expect(reduced.states).toBeLessThanOrEqual(full.states);
      searched.set(`${search}: ${name}`, { full, reduced });
    });
  }

  // The unreduced searches of the mutants, kept above: each is killed at its point.
  const killed = Object.entries(POINT_SEARCHES).flatMap(([label, o]) => o.mutants.map((id): [string, string] => [label, id]));
  it.each(killed)('%s: explore --threads kills %s with a shortest two-thread counterexample that pauses there', (label, id) => {
    expect(POINT_SEARCHES[label as InterleavingLabel].mutants).toContain(INTERLEAVING_POINTS[label as InterleavingLabel].mutant);
    const r = searched.get(`${label}: ${id}`)?.full;
    expect(r?.stop).toBe('violation');
    const steps = r?.violation?.steps ?? [];
    // t1 pauses there (a migration may pause at collect's point first).
    const at = steps.findIndex((x) => x.paused === label);
    expect(at).toBeGreaterThanOrEqual(0);
    // Two columns: main-thread steps and t1's. A race resumed t1 after a
    // main-thread step ran while it was paused, or fails at a main-thread
    // step while t1 is paused (free's: memunmap_pages completes under it);
    // a state seen only at the point (finalize's) fails at the pause itself.
    expect(steps.some((x) => x.step.thread === undefined)).toBe(true);
    const resumed = steps.findIndex((x, i) => i > at && x.step.thread?.kind === 'resume');
    const between = resumed >= 0 ? steps.slice(at + 1, resumed) : steps.slice(at + 1);
    if (resumed >= 0) expect(between.some((x) => x.step.thread === undefined)).toBe(true);
    else expect(between.every((x) => x.step.thread === undefined)).toBe(true);
  });

  it('prunes where the main thread has steps that commute with the paused fault', () => {
    const r = searched.get('do_swap_page: pte_unmap_unlock: upstream');
    expect(r?.reduced.states).toBeLessThan(r?.full.states ?? 0);
    expect(r?.reduced.por).toBe(true);
  });

  it('the worker pool keeps exactly the states one thread keeps', async () => {
    const options = { ...(POINT_SEARCHES['memory_failure: get_dev_pagemap'] as ExploreOptions), por: true, depth: 3 };
    const proposal = resolveBuiltin('upstream');
    const one = explore(proposal, options);
    const two = await explorePool('upstream', proposal, options, 2);
    expect({ states: two.states, transitions: two.transitions, frontier: two.frontier, stop: two.stop }).toEqual({
      states: one.states,
      transitions: one.transitions,
      frontier: one.frontier,
      stop: one.stop,
    });
  });
});
