// Reading a counterexample file back: the trace part (for parseTrace) and
// the `counterexample` metadata written by counterexample-json.ts. A plain
// trace (no metadata) is accepted too. The steps' `recorded` results stay in
// the trace part (parseTrace reads them; replay compares them).
import { InputError } from '../cli/bad-input.ts';
import type { CounterexampleMeta } from './counterexample-json.ts';

export function splitCounterexample(text: string, file: string): { traceText: string; meta?: CounterexampleMeta } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // parseTrace reports JSON syntax errors with line and column.
    return { traceText: text };
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root) || !('counterexample' in root)) return { traceText: text };
  const { counterexample, ...trace } = root as Record<string, unknown>;
  const meta = counterexample as Partial<CounterexampleMeta> | null;
  if (meta === null || typeof meta !== 'object' || typeof meta.check !== 'string' || !Array.isArray(meta.checks)) {
    throw new InputError(`${file}: counterexample: expected {check, checks, step, seed, path, ...} as written by zdspec check`);
  }
  // The failing step (0: the initial state): replay tells a fix (a different
  // result there) from a divergence before it.
  if (!Number.isInteger(meta.step) || (meta.step as number) < 0) {
    throw new InputError(`${file}: counterexample.step: expected the failing step's number (from 1; 0 for the initial state), got ${JSON.stringify(meta.step) ?? 'nothing'}`);
  }
  // The trace is re-serialised without the metadata: parseTrace accepts only trace fields.
  return { traceText: JSON.stringify(trace, null, 2), meta: meta as CounterexampleMeta };
}
