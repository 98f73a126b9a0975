// Where a JSON text stops being JSON. Node 20's JSON.parse often reports no
// position ("Unexpected token '}', ... is not valid JSON"), so when it fails
// this small recursive-descent scanner finds the offending offset and says
// what was expected there, for a "file:line:column" message.

export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  try {
    const end = scanValue(text, skipSpace(text, 0));
    const rest = skipSpace(text, end);
    if (rest < text.length) throw new Stop(rest, `unexpected ${shown(text, rest)} after the end of the document`);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { ...lineColumn(text, e.offset), message: e.message };
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function shown(text: string, at: number): string {
  return at >= text.length ? 'end of file' : `'${text[at]}'`;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++;
  return at;
}

/** Scans one value starting at `at`; returns the offset just after it. */
function scanValue(text: string, at: number): number {
  const c = text[at];
  if (c === '{')
    return scanContainer(text, at, '}', (i) => {
      if (text[i] !== '"') throw new Stop(i, `expected a "quoted" property name, found ${shown(text, i)}`);
      const colon = skipSpace(text, scanString(text, i));
      if (text[colon] !== ':') throw new Stop(colon, `expected ':' after the property name, found ${shown(text, colon)}`);
      return scanValue(text, skipSpace(text, colon + 1));
    });
  if (c === '[') return scanContainer(text, at, ']', (i) => scanValue(text, i));
  if (c === '"') return scanString(text, at);
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, at)) return at + word.length;
  const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
  if (number) return at + number[0].length;
  throw new Stop(at, `expected a value, found ${shown(text, at)}`);
}

function scanContainer(text: string, open: number, close: string, member: (at: number) => number): number {
  let at = skipSpace(text, open + 1);
  if (text[at] === close) return at + 1;
  for (;;) {
    at = skipSpace(text, member(at));
    if (text[at] === close) return at + 1;
    if (text[at] !== ',') throw new Stop(at, `expected ',' or '${close}', found ${shown(text, at)}`);
    at = skipSpace(text, at + 1);
    if (text[at] === close) throw new Stop(at, `trailing comma before '${close}'`);
  }
}

function scanString(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const c = text[at];
    if (c === '"') return at + 1;
    if (c === '\\') at++;
    else if (c === '\n') throw new Stop(at, 'unterminated string (a newline inside quotes)');
  }
  throw new Stop(text.length, 'unterminated string');
}
