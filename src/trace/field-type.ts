// The kinds of value a trace field may hold, and the check that says what was
// expected when a value does not fit. Only shape is checked here: a handle
// that names nothing, or npages 0, is a legal trace (the models answer
// ESRCH/EINVAL), so traces can test those paths.
import { describeValue } from './trace-error.ts';

export type HandlePrefix = 'p' | 'm' | 'pgmap' | 'ref' | 'pin' | 'f';

export type FieldType =
  | { readonly kind: 'handle'; readonly prefix: HandlePrefix }
  | { readonly kind: 'count' } // a non-negative integer: vpn, npages, index, counters
  | { readonly kind: 'int' } // any integer: a data value
  | { readonly kind: 'int-list' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'nullable'; readonly of: FieldType };

export const handle = (prefix: HandlePrefix): FieldType => ({ kind: 'handle', prefix });
export const COUNT: FieldType = { kind: 'count' };
export const INT: FieldType = { kind: 'int' };
export const INT_LIST: FieldType = { kind: 'int-list' };
export const BOOLEAN: FieldType = { kind: 'boolean' };
export const STRING: FieldType = { kind: 'string' };
export const oneOf = (values: readonly string[]): FieldType => ({ kind: 'enum', values });
export const nullable = (of: FieldType): FieldType => ({ kind: 'nullable', of });

/** What a field of this type looks like, for messages and help. */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'handle':
      return `a handle like ${type.prefix}0`;
    case 'count':
      return 'a non-negative integer';
    case 'int':
      return 'an integer';
    case 'int-list':
      return 'an array of integers';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${type.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'nullable':
      return `${describeType(type.of)} or null`;
  }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function fits(type: FieldType, value: unknown): boolean {
  switch (type.kind) {
    case 'handle':
      return typeof value === 'string' && new RegExp(`^${type.prefix}(0|[1-9][0-9]*)$`).test(value);
    case 'count':
      return isInt(value) && value >= 0;
    case 'int':
      return isInt(value);
    case 'int-list':
      return Array.isArray(value) && value.every(isInt);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'enum':
      return typeof value === 'string' && type.values.includes(value);
    case 'nullable':
      return value === null || fits(type.of, value);
  }
}

/** undefined when the value fits, else "expected X, got Y". */
export function checkField(type: FieldType, value: unknown): string | undefined {
  return fits(type, value) ? undefined : `expected ${describeType(type)}, got ${describeValue(value)}`;
}
