// A malformed trace: what `zdspec run` reports on stderr with exit code 2.
// The message already names the file and, where known, the line/column or the
// step and field, so callers print it as is.

export interface TraceErrorLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Index into `steps` (0-based, as in the JSON array). */
  readonly step?: number;
  /** Dotted path of the offending field, e.g. "args.longterm". */
  readonly field?: string;
}

export class TraceError extends Error {
  override readonly name = 'TraceError';
  readonly exitCode = 2;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly step: number | undefined;
  readonly field: string | undefined;

  constructor(location: TraceErrorLocation, message: string) {
    super(message);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.step = location.step;
    this.field = location.field;
  }
}

/** How a value looked, for "expected X, got Y" (short, JSON-like). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
