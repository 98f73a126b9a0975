// The partial-order reduction against the unreduced search, as a
// property over searches the everyday suite does not fix
// (properties/threads/por.test.ts fixes one per interleaving point): a
// proposal among upstream, v6.1 and the thread mutants, a starting state
// (one of the points' --from prefixes, or the initial state), a random set
// of the operations that race at the points, and a depth. The reduced
// search must give the unreduced one's verdict, shortest length and
// complete depth, with no more states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import type { OpName } from '../../models/ops.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { explore, type ExploreOptions, type ExploreResult } from '../../src/explore/explore.ts';
import { POINT_SEARCHES } from '../threads/fixtures/point-searches.ts';

const RACING: readonly OpName[] = [
  'cpu_read',
  'cpu_write',
  'get_user_pages',
  'pin_user_pages',
  'migrate_to_device',
  'migrate_to_ram',
  'migrate_device_range',
  'device_read',
  'memory_failure',
  'memunmap_pages',
  'memremap_pages',
  'mmap',
  'munmap',
  'fork',
];
const PROPOSALS = ['upstream', 'v6.1', ...MUTANTS.filter((m) => m.focus?.threads === true).map((m) => m.id)];
const resolve = (name: string) => {
  const m = MUTANTS.find((x) => x.id === name);
  return m === undefined ? resolveBuiltin(name) : resolveProposal(m.proposal);
};
const FROMS = [undefined, ...Object.values(POINT_SEARCHES).flatMap((s) => (s.from === undefined ? [] : [s.from]))];

/** Room for the prefix's largest range. */
const pagesOf = (from: (typeof FROMS)[number]) => Math.max(1, ...(from ?? []).map((s) => (s.args as { readonly npages?: number }).npages ?? 1));

const verdict = (r: ExploreResult) => ({ stop: r.stop, completeDepth: r.completeDepth, check: r.violation?.finding.check, length: r.violation?.steps.length });

describe('explore --threads: the reduction keeps every verdict (deep)', () => {
  it('on random racing-op sets, starting states and depths', () => {
    // How many searches were compared (not cut short), and how many of them found a violation.
    let compared = 0;
    let violations = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...PROPOSALS),
        fc.constantFrom(...FROMS.keys()),
        fc.subarray([...RACING], { minLength: 3, maxLength: 6 }),
        fc.integer({ min: 2, max: 4 }),
        (name, from, ops, depth) => {
          const options: ExploreOptions = {
            depth,
            bounds: { pages: pagesOf(FROMS[from]), procs: 2, devices: 1, values: 1, symmetry: true },
            ops,
            threads: true,
            maxStates: 20_000,
            ...(FROMS[from] === undefined ? {} : { from: FROMS[from] }),
          };
          const full = explore(resolve(name), options);
          // A search the state limit cut short says nothing about the reduction.
          if (full.stop === 'max-states') return;
          const reduced = explore(resolve(name), { ...options, por: true });
          expect(verdict(reduced)).toEqual(verdict(full));
          expect(reduced.states).toBeLessThanOrEqual(full.states);
          compared++;
          if (full.violation !== undefined) violations++;
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
    // Not vacuous: most searches ran to their end, and some of them failed.
    expect(compared).toBeGreaterThan(20);
    expect(violations).toBeGreaterThan(0);
    console.log(`por-property: ${compared} searches compared, ${violations} with a violation`);
  });
});
