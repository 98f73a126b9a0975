// Which failure of a pair step the checker reports, among the checks it was
// asked for. Order: a crash or a bad hook result (nothing else is known), the kernel model's
// invariants (the rule a reviewer reads), the refinement check, then the
// reference's own invariants (a design whose era facts break an invariant
// shows it there too).
import type { InvariantFinding, PairStart, PairStep } from '../runner/pair-types.ts';
import type { CheckId, Finding } from './failure.ts';

export function judgeStep(rec: PairStep, checks: ReadonlySet<CheckId>, stepIndex: number): Finding | undefined {
  if (rec.crash !== undefined) {
    // A reference crash is a specification bug, zdspec's: its own finding, never the proposal's refinement failure.
    const check = rec.crash.in === 'proposal' ? rec.crash.fault : 'specification-crashed';
    return { kind: check, check, stepIndex, message: rec.crash.message };
  }
  return judgeChecks(rec, checks, stepIndex);
}

export function judgeStart(start: PairStart, checks: ReadonlySet<CheckId>): Finding | undefined {
  return judgeChecks(start, checks, -1);
}

function judgeChecks(rec: Pick<PairStep, 'refinement' | 'invariants'>, checks: ReadonlySet<CheckId>, stepIndex: number): Finding | undefined {
  const wanted = rec.invariants.filter((f) => checks.has(f.id));
  const kernel = wanted.find((f) => f.side === 'kernel');
  if (kernel !== undefined) return invariantFinding(kernel, stepIndex);
  if (checks.has('refinement') && rec.refinement !== undefined) {
    return { kind: 'refinement', check: 'refinement', stepIndex, message: rec.refinement };
  }
  const reference = wanted[0];
  return reference === undefined ? undefined : invariantFinding(reference, stepIndex);
}

function invariantFinding(f: InvariantFinding, stepIndex: number): Finding {
  return { kind: 'invariant', check: f.id, side: f.side, stepIndex, message: f.messages.join('; ') };
}
