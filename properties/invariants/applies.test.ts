// Every invariant states when it applies — when the state (and step) holds
// what its rule is about, so that it could have failed there — and that
// premise is sound: true on every state where one of its clauses fails.
// Semantic coverage counts it (src/coverage/semantic/). Checked on the
// clause cases (each clause failing alone), and on the real failing states
// of the mutation catalogue's witnesses, stepped on the kernel model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../models/invariants/all.ts';
import { MUTANTS } from '../../models/mutants/catalogue.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { asStep } from '../../src/runner/run-on-pair.ts';
import { parseTrace } from '../../src/trace/parse-trace.ts';
import { CLAUSE_CASES } from './fixtures/clause-cases.ts';

describe('invariant applicability (applies)', () => {
  it.each(INVARIANTS.map((i) => [i.id, i] as const))('%s states when it applies', (_, inv) => {
    expect(typeof inv.applies).toBe('function');
  });

  it.each(CLAUSE_CASES.map((c) => [`${c.invariant} ${c.clause}`, c] as const))('%s: applies where the clause fails', (_, c) => {
    const inv = INVARIANTS.find((i) => i.id === c.invariant)!;
    expect(inv.check(c.after, c.before, c.step).length).toBeGreaterThan(0);
    expect(inv.applies?.(c.after, c.before, c.step)).toBe(true);
  });

  it("applies on every failing step of the mutants' witnesses (kernel side)", () => {
    const judged = new Set<string>();
    for (const m of MUTANTS) {
      const file = new URL(`../mutants/witnesses/${m.id}.json`, import.meta.url);
      const trace = parseTrace(readFileSync(file, 'utf8'), file.pathname);
      const pair = createPair(resolveProposal(m.proposal), { sides: 'kernel' });
      for (const traceStep of trace.steps) {
        if (pair.crashed) break;
        const rec = pair.step(asStep(traceStep));
        if (!rec.kernel) break;
        const ctx = { ...rec.step, ...rec.kernel };
        for (const f of rec.invariants) {
          if (f.side !== 'kernel') continue;
          const inv = INVARIANTS.find((i) => i.id === f.id)!;
          expect(inv.applies?.(rec.after, rec.before, ctx), `${m.id}: ${f.id} failed (${f.messages[0]}) where it does not apply`).toBe(true);
          judged.add(f.id);
        }
      }
    }
    // Between them the witnesses break every invariant (each is some mutant's first catcher).
    expect([...judged].sort()).toEqual(INVARIANTS.map((i) => i.id).sort());
  });

  it('is no tautology: on the initial state only the rules about every frame apply', () => {
    const view = createPair(resolveBuiltin('upstream'), { sides: 'kernel' }).kernelView();
    const applying = INVARIANTS.filter((i) => i.applies?.(view)).map((i) => i.id);
    expect(applying).toEqual(['refcount-expected']);
  });
});
