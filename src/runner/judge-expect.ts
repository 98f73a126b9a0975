// A step's `expect` against what the kernel model did: each named result
// field must deep-equal the result's (so `{"errno": "EBUSY"}` checks the
// errno, `{"cpages": 4}` the count); without errno/signal the step must
// succeed; `pages` facts are read from the kernel view after the step.
import type { OpResult, Step } from '../../models/ops.ts';
import type { View } from '../../models/view.ts';
import { formatResult } from '../trace/format-call.ts';
import type { Expectation } from '../trace/trace.ts';
import { deepEqual, showValue } from './deep-equal.ts';
import { pageFacts } from './page-facts.ts';

export function judgeExpect(step: Step, expect: Expectation, result: OpResult, after: View): string[] {
  const problems: string[] = [];
  const { pages, ...fields } = expect;
  const expectsFailure = 'errno' in fields || 'signal' in fields;
  const got = formatResult(step, result);
  if (!expectsFailure && ('errno' in result || 'signal' in result)) {
    problems.push(`expected success, got = ${got}`);
  } else {
    const actual = result as Readonly<Record<string, unknown>>;
    for (const [key, wanted] of Object.entries(fields)) {
      if (!deepEqual(actual[key], wanted)) problems.push(`${key}: expected ${showValue(wanted)}, got ${showValue(actual[key])} (= ${got})`);
    }
  }
  for (const [key, facts] of Object.entries(pages ?? {})) {
    const actual = pageFacts(after, key);
    if (typeof actual === 'string') {
      problems.push(actual);
      continue;
    }
    for (const [name, wanted] of Object.entries(facts) as [keyof typeof actual, unknown][]) {
      const value = actual[name];
      if (value === undefined) problems.push(`${key}.${name}: expected ${showValue(wanted)}, but the page has no frame (pte none)`);
      else if (!deepEqual(value, wanted)) problems.push(`${key}.${name}: expected ${showValue(wanted)}, got ${showValue(value)}`);
    }
  }
  return problems;
}
