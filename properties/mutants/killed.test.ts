// Every catalogue mutant is killed: each has a witness — the shrunk
// counterexample `zdspec mutate` found for it (properties/mutants/witnesses/,
// refreshed by scripts/mutant-witnesses.ts) — and the witness still fails
// under the mutant with the check that caught it, while the built-in the
// mutant extends runs it clean — or refuses it, for a race whose
// interleaving the built-in's lock or reference rules out (a step of it
// waits for the paused thread). So every mutant is caught by the checks as
// they are now, in a few milliseconds each; the searches themselves (that
// the checker finds each within its budget) are `zdspec mutate` and
// properties/deep/mutants-search.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { mutantChecks } from '../../src/mutate/mutant-checks.ts';
import { runTrace } from '../../src/runner/run-trace.ts';
import { parseTrace } from '../../src/trace/parse-trace.ts';
import { TraceError } from '../../src/trace/trace-error.ts';

const witness = (id: string) => new URL(`./witnesses/${id}.json`, import.meta.url);
const caughtBy = (r: ReturnType<typeof runTrace>) => r.failures.map((f) => f.id ?? f.kind);

/** The base's failures on the witness; none when the base makes one of its steps wait for the paused thread. */
function baseRun(run: () => ReturnType<typeof runTrace>): string[] {
  try {
    return caughtBy(run());
  } catch (e) {
    if (e instanceof TraceError && e.message.includes('it waits for thread')) return [];
    throw e;
  }
}

describe('every mutant is killed by its witness', () => {
  it.each(MUTANTS.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const file = witness(id);
    expect(existsSync(file), `no witness for ${id}: run npx tsx scripts/mutant-witnesses.ts`).toBe(true);
    const text = readFileSync(file, 'utf8');
    const check = (JSON.parse(text) as { counterexample: { check: string } }).counterexample.check;
    const trace = parseTrace(text, file.pathname);
    const { invariants, refinement } = mutantChecks(m);
    expect([...invariants, ...(refinement ? ['refinement'] : [])], `${id}: caught by ${check}, which its built-in does not hold`).toContain(check);
    const options = { invariants, refinement };
    const mutated = runTrace(trace, { ...options, proposal: resolveProposal(m.proposal) });
    expect(caughtBy(mutated), `${id}: its witness no longer fails with ${check}`).toContain(check);
    expect(
      baseRun(() => runTrace(trace, { ...options, proposal: resolveBuiltin(m.proposal.extends) })),
      `${id}: its witness fails under ${m.proposal.extends} too`,
    ).toEqual([]);
  });
});
