// Runs the selected invariants on one view. An invariant that throws is
// reported as violated with the exception's message: a broken predicate must
// not pass silently, nor crash the harness.
import type { View } from '../../models/view.ts';
import type { Invariant, StepContext } from '../../models/invariants/invariant.ts';
import { errorMessage } from './hook-crash.ts';
import type { InvariantFinding, Side } from './pair-types.ts';

export function evaluateInvariants(
  invariants: readonly Invariant[],
  side: Side,
  after: View,
  before?: View,
  step?: StepContext,
): InvariantFinding[] {
  const findings: InvariantFinding[] = [];
  for (const invariant of invariants) {
    let messages: readonly string[];
    try {
      messages = invariant.check(after, before, step);
    } catch (e) {
      messages = [`the invariant's check threw: ${errorMessage(e)}`];
    }
    if (messages.length > 0) findings.push({ side, id: invariant.id, messages });
  }
  return findings;
}
