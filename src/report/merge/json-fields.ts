// Reading back a JSON file zdspec wrote (summary.json, semantic-coverage.json)
// when it comes from elsewhere — a CI artifact, another machine: every field
// is checked for its type as it is read, and a wrong or missing one is an
// InputError (exit 2) naming the file, the field and what was expected.
import { readFileSync } from 'node:fs';
import { InputError } from '../../cli/bad-input.ts';
import { describeValue } from '../../trace/trace-error.ts';

type Json = Readonly<Record<string, unknown>>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The file's top-level object; `what` says what it should be, for the messages. */
export function readJsonObject(file: string, what: string): Fields {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? `no such file (expected ${what})` : (e as Error).message}`);
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not JSON (expected ${what}): ${(e as Error).message}`);
  }
  if (!isRecord(root)) throw new InputError(`${file}: expected ${what} (a JSON object), got ${describeValue(root)}`);
  return new Fields(file, root, '');
}

/** One object of the file, at `path` ('' for the top level). */
export class Fields {
  constructor(
    readonly file: string,
    readonly value: Json,
    readonly path: string,
  ) {}

  private at(key: string | number): string {
    return typeof key === 'number' ? `${this.path}[${key}]` : this.path === '' ? key : `${this.path}.${key}`;
  }

  fail(key: string, expected: string): never {
    throw new InputError(`${this.file}: ${this.at(key)}: expected ${expected}, got ${describeValue(this.value[key])}`);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  str(key: string): string {
    const v = this.value[key];
    return typeof v === 'string' ? v : this.fail(key, 'a string');
  }

  num(key: string): number {
    const v = this.value[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : this.fail(key, 'a number');
  }

  bool(key: string): boolean {
    const v = this.value[key];
    return typeof v === 'boolean' ? v : this.fail(key, 'true or false');
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.value[key];
    return (values as readonly unknown[]).includes(v) ? (v as T) : this.fail(key, `one of ${values.join(', ')}`);
  }

  strs(key: string): string[] {
    const v = this.value[key];
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : this.fail(key, 'an array of strings');
  }

  nums(key: string): number[] {
    const v = this.value[key];
    return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : this.fail(key, 'an array of numbers');
  }

  obj(key: string): Fields {
    const v = this.value[key];
    return isRecord(v) ? new Fields(this.file, v, this.at(key)) : this.fail(key, 'an object');
  }

  /** An array of objects. */
  objs(key: string): Fields[] {
    const v = this.value[key];
    if (!Array.isArray(v)) return this.fail(key, 'an array');
    return v.map((x, i) => {
      if (!isRecord(x)) throw new InputError(`${this.file}: ${this.at(key)}[${i}]: expected an object, got ${describeValue(x)}`);
      return new Fields(this.file, x, `${this.at(key)}[${i}]`);
    });
  }

  /** An object whose values are all strings. */
  strRecord(key: string): Record<string, string> {
    const v = this.value[key];
    return isRecord(v) && Object.values(v).every((x) => typeof x === 'string') ? (v as Record<string, string>) : this.fail(key, 'an object of strings');
  }
}
