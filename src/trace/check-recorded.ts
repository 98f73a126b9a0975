// The shape of a step's `recorded` result (saved counterexamples): a whole
// result of that operation, not a partial one as in `expect` — either a
// failure, exactly {"errno"} or {"signal"}, or the success value with every
// result field of the op and no other. Replay compares it field by field, so
// a missing or extra field would make a difference out of nothing.
// Returns the first problem as [field, message], or undefined.
import type { OpName } from '../../models/ops.ts';
import { ERRNOS } from '../../models/vocabulary.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { checkField, oneOf, type FieldType } from './field-type.ts';
import { opSchema } from './op-schemas.ts';
import { describeValue } from './trace-error.ts';

const FAILURES: Readonly<Record<string, FieldType>> = {
  errno: oneOf(ERRNOS),
  signal: oneOf(['SIGBUS', 'SIGSEGV']),
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function checkRecorded(op: OpName, recorded: unknown): [field: string, message: string] | undefined {
  const schema = opSchema(op);
  const results: Readonly<Record<string, FieldType>> = schema.results;
  const optional = new Set<string>(schema.optionalResults ?? []);
  const success = Object.keys(results);
  const shape = `{${success.map((k) => `"${k}"`).join(', ')}} or {"errno"} or {"signal"}`;
  if (!isRecord(recorded)) return ['recorded', `expected the step's result ${shape}, got ${describeValue(recorded)}`];
  const failure = Object.keys(FAILURES).find((key) => key in recorded);
  const fields = failure === undefined ? results : { [failure]: FAILURES[failure] as FieldType };
  for (const key of Object.keys(recorded)) {
    if (fields[key] === undefined) {
      const known = Object.keys(fields);
      const what = failure === undefined ? `not a result field of ${op}` : `a failed step records only ${failure}`;
      return [`recorded.${key}`, `${what}${didYouMean(key, known)}; expected ${shape}`];
    }
  }
  for (const [key, type] of Object.entries(fields)) {
    if (!(key in recorded) && failure === undefined && optional.has(key)) continue;
    if (!(key in recorded)) return [`recorded.${key}`, `missing (a recorded ${op} result has ${success.join(', ')})`];
    const problem = checkField(type, recorded[key]);
    if (problem) return [`recorded.${key}`, problem];
  }
  return undefined;
}
