// Runs the selected invariants on one view. An invariant that throws is
// reported as violated with the exception's message: a broken predicate must
// not pass silently, nor crash the harness. On the reference side, clauses
// that could only restate the reference's own derivation are not judged
// (Clause.sides 'kernel').
import type { View } from '../../models/view.ts';
import type { Invariant, StepContext, Violation } from '../../models/invariants/invariant.ts';
import { errorMessage } from './hook-crash.ts';
import type { InvariantFinding, Side } from './pair-types.ts';

const kernelOnly = new WeakMap<Invariant, ReadonlySet<string>>();

function kernelOnlyClauses(inv: Invariant): ReadonlySet<string> {
  let set = kernelOnly.get(inv);
  if (!set) kernelOnly.set(inv, (set = new Set(inv.clauses.filter((c) => c.sides === 'kernel').map((c) => c.id))));
  return set;
}

/** An invariant that found something on one view, with what it found (before any side's filtering). */
export interface Judged {
  readonly invariant: Invariant;
  readonly violations: readonly Violation[];
}

/** Runs the invariants on one view; only those with violations are returned. */
export function judgeView(invariants: readonly Invariant[], after: View, before?: View, step?: StepContext): Judged[] {
  const judged: Judged[] = [];
  for (const invariant of invariants) {
    let violations: readonly Violation[];
    try {
      violations = invariant.check(after, before, step);
    } catch (e) {
      violations = [{ clause: 'threw', message: `the invariant's check threw: ${errorMessage(e)}` }];
    }
    if (violations.length > 0) judged.push({ invariant, violations });
  }
  return judged;
}

/**
 * What must hold at an interleaving point, while a thread is paused (issue
 * 12): only the clauses marked `when: 'always'`, and any invariant that threw.
 */
export function atInterleavingPoint(judged: readonly Judged[]): Judged[] {
  const out: Judged[] = [];
  for (const j of judged) {
    const always = new Set(j.invariant.clauses.filter((c) => c.when === 'always').map((c) => c.id));
    const violations = j.violations.filter((v) => always.has(v.clause) || v.clause === 'threw');
    if (violations.length > 0) out.push({ invariant: j.invariant, violations });
  }
  return out;
}

/** The findings of one side: on the reference, kernel-only clauses are dropped. */
export function findingsOf(side: Side, judged: readonly Judged[]): InvariantFinding[] {
  const findings: InvariantFinding[] = [];
  for (const { invariant, violations: all } of judged) {
    let violations = all;
    if (side === 'reference') {
      const skip = kernelOnlyClauses(invariant);
      violations = violations.filter((v) => !skip.has(v.clause));
    }
    if (violations.length > 0) {
      findings.push({ side, id: invariant.id, clauses: [...new Set(violations.map((v) => v.clause))], messages: violations.map((v) => `${v.clause}: ${v.message}`) });
    }
  }
  return findings;
}

export function evaluateInvariants(invariants: readonly Invariant[], side: Side, after: View, before?: View, step?: StepContext): InvariantFinding[] {
  return findingsOf(side, judgeView(invariants, after, before, step));
}
