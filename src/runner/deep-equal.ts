// Structural equality of plain JSON-like values (results, abstract states)
// and, when they differ, the first difference as a readable path:
//   procs.p0.ptes.3.kind: kernel 'present', reference 'device-private'
// A key holding `undefined` counts as absent, so an optional field written
// out as undefined by one model and omitted by the other still compares equal.

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
}

/**
 * The refinement check's hot path: no allocation, no key sorting. Agrees with
 * firstDifferencePath (which only runs to explain a difference).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  let definedInA = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    definedInA++;
    // Primitives and shared objects inline (most fields of a state, and
    // most entities of two states that share what a step left alone): a
    // call per field is most of the cost.
    const other = b[key];
    if (typeof value !== 'object' || value === null) {
      if (!Object.is(value, other)) return false;
    } else if (value !== other && !deepEqual(value, other)) return false;
  }
  let definedInB = 0;
  for (const key in b) if (b[key] !== undefined) definedInB++;
  return definedInA === definedInB;
}

/** The path to the first difference (depth first, keys sorted), or undefined when equal. */
export function firstDifferencePath(a: unknown, b: unknown, path: readonly string[]): string[] | undefined {
  if (Object.is(a, b)) return undefined;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return [...path];
  const keys = [...new Set([...definedKeys(a), ...definedKeys(b)])].sort(compareKeys);
  for (const key of keys) {
    const found = firstDifferencePath(a[key], b[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Numeric keys (pfns, vpns, array indices) in numeric order, then the rest. */
function compareKeys(x: string, y: string): number {
  const nx = Number(x);
  const ny = Number(y);
  if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
  return x < y ? -1 : x > y ? 1 : 0;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  return value;
}

/** A short rendering for messages: 'present', 3, null, {"kind":…}, absent. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * "path: left-label X, right-label Y" for the first difference, or undefined
 * when the values are equal.
 */
export function describeDifference(left: unknown, right: unknown, labels: readonly [string, string]): string | undefined {
  // Equal is the common case (every run's start): the allocation-free walk answers it.
  if (deepEqual(left, right)) return undefined;
  const path = firstDifferencePath(left, right, []);
  if (path === undefined) return undefined;
  const where = path.length ? path.join('.') : '(whole value)';
  return `${where}: ${labels[0]} ${showValue(valueAt(left, path))}, ${labels[1]} ${showValue(valueAt(right, path))}`;
}
