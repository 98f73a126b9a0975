// The shape of a step's `expect`: result fields of that operation (typed as
// the result is), `errno`/`signal` for failures, and `pages` facts keyed
// "p<N>:<vpn>". Returns the first problem as [field, message], or undefined.
import type { OpName } from '../../models/ops.ts';
import { ERRNOS, FRAME_TYPES, PTE_KINDS } from '../../models/vocabulary.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { BOOLEAN, COUNT, INT, checkField, handle, nullable, oneOf, type FieldType } from './field-type.ts';
import { opSchema } from './op-schemas.ts';
import { describeValue } from './trace-error.ts';

const FAILURE_FIELDS: Readonly<Record<string, FieldType>> = {
  errno: oneOf(ERRNOS),
  signal: oneOf(['SIGBUS', 'SIGSEGV']),
};

/** PageExpect (src/trace/trace.ts), field by field. */
export const PAGE_FACT_TYPES: Readonly<Record<string, FieldType>> = {
  type: oneOf(FRAME_TYPES),
  pte: oneOf(PTE_KINDS),
  write: BOOLEAN,
  refcount: COUNT,
  mapcount: COUNT,
  pincount: COUNT,
  memcg: nullable(handle('m')),
  data: INT,
  dirty: BOOLEAN,
  pageDirty: BOOLEAN,
};

export const PAGE_KEY = /^(p(?:0|[1-9][0-9]*)):(0|[1-9][0-9]*)$/;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function checkExpect(op: OpName, expect: unknown): [field: string, message: string] | undefined {
  if (!isRecord(expect)) return ['expect', `expected an object, got ${describeValue(expect)}`];
  const fields: Record<string, FieldType> = { ...opSchema(op).results, ...FAILURE_FIELDS };
  if ('errno' in expect && 'signal' in expect) return ['expect', 'a step fails with an errno or a signal, not both'];
  for (const [key, value] of Object.entries(expect)) {
    if (key === 'pages') {
      const problem = checkPages(value);
      if (problem) return [`expect.pages${problem[0]}`, problem[1]];
      continue;
    }
    const type = fields[key];
    if (type === undefined) {
      const known = [...Object.keys(fields), 'pages'];
      return [`expect.${key}`, `not a result field of ${op}${didYouMean(key, known)}; expected one of ${known.join(', ')}`];
    }
    const problem = checkField(type, value);
    if (problem) return [`expect.${key}`, problem];
  }
  return undefined;
}

function checkPages(pages: unknown): [string, string] | undefined {
  if (!isRecord(pages)) return ['', `expected an object keyed "p0:3" (process:vpn), got ${describeValue(pages)}`];
  for (const [key, facts] of Object.entries(pages)) {
    if (!PAGE_KEY.test(key)) return [`.${key}`, 'expected a key like "p0:3" (process:vpn)'];
    if (!isRecord(facts)) return [`.${key}`, `expected an object of page facts, got ${describeValue(facts)}`];
    for (const [name, value] of Object.entries(facts)) {
      const type = PAGE_FACT_TYPES[name];
      const known = Object.keys(PAGE_FACT_TYPES);
      if (type === undefined) return [`.${key}.${name}`, `not a page fact${didYouMean(name, known)}; expected one of ${known.join(', ')}`];
      const problem = checkField(type, value);
      if (problem) return [`.${key}.${name}`, problem];
    }
  }
  return undefined;
}
