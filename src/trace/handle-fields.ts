// Which fields of an operation's arguments or results hold a handle (p3,
// pgmap0, pin1, ...), and of which kind. Read off the op schemas
// (op-schemas.ts), the one table that types every field, so a handle field
// added there is known here without a second list.
import type { OpName } from '../../models/ops.ts';
import type { FieldType, HandlePrefix } from './field-type.ts';
import { opSchema, type ArgSpec } from './op-schemas.ts';

export interface HandleField {
  readonly field: string;
  readonly prefix: HandlePrefix;
}

function prefixOf(type: FieldType): HandlePrefix | undefined {
  if (type.kind === 'handle') return type.prefix;
  return type.kind === 'nullable' ? prefixOf(type.of) : undefined;
}

export function handleFields(op: OpName, part: 'args' | 'results'): HandleField[] {
  const schema = opSchema(op);
  const types: [string, FieldType][] = part === 'args' ? (Object.entries(schema.args) as [string, ArgSpec][]).map(([field, spec]) => [field, spec.type]) : Object.entries(schema.results);
  return types.flatMap(([field, type]) => {
    const prefix = prefixOf(type);
    return prefix === undefined ? [] : [{ field, prefix }];
  });
}
