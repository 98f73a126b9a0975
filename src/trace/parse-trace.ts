// Reading a trace file: JSON syntax (with line and column), then its shape —
// top-level fields, each step's op (with a suggestion for a misspelt one), its
// arguments against the per-op table, its expectation and note. Every problem
// is a TraceError naming the file, the step and the field.
import { ERA_NAMES } from '../../models/eras/era.ts';
import { OP_NAMES, type OpName } from '../../models/ops.ts';
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';
import { THREAD_OPS } from '../../models/kernel/threads.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { checkExpect } from './check-expect.ts';
import { checkRecorded } from './check-recorded.ts';
import { checkField } from './field-type.ts';
import { findJsonSyntaxProblem } from './json-syntax-error.ts';
import { opSchema, type ArgSpec } from './op-schemas.ts';
import type { Trace, TraceStep } from './trace.ts';
import { TraceError, describeValue } from './trace-error.ts';

// `counterexample`: seed, path, check and replay command of a saved counterexample.
const TRACE_KEYS = ['proposal', 'era', 'title', 'description', 'steps', 'runs', 'counterexample'];
// `recorded`: the result a saved counterexample's step had (replay compares it).
const STEP_KEYS = ['op', 'args', 'expect', 'note', 'recorded', 'thread'];
const RUN_KEYS = ['proposal', 'violates'];

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export function parseTrace(text: string, file: string): Trace {
  const root = parseJson(text, file);
  const fail = (field: string, message: string): never => {
    throw new TraceError({ file, field }, `${file}: ${field}: ${message}`);
  };
  if (!isRecord(root)) return fail('(top level)', `expected an object {"steps": [...]}, got ${describeValue(root)}`);
  rejectUnknownKeys(root, TRACE_KEYS, (key, message) => fail(key, message));
  for (const key of ['proposal', 'title', 'description']) {
    if (key in root && typeof root[key] !== 'string') fail(key, `expected a string, got ${describeValue(root[key])}`);
  }
  if ('era' in root && !(ERA_NAMES as readonly unknown[]).includes(root.era)) {
    fail('era', `expected one of ${ERA_NAMES.join(', ')}, got ${describeValue(root.era)}${didYouMean(String(root.era), ERA_NAMES)}`);
  }
  if (!Array.isArray(root.steps)) return fail('steps', `expected an array of steps, got ${describeValue(root.steps)}`);
  const steps = root.steps.map((step: unknown, index: number) => parseStep(step, index, file));
  if ('runs' in root) parseRuns(root.runs, fail);
  return { ...(root as Omit<Trace, 'steps'>), steps };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const problem = findJsonSyntaxProblem(text);
    const where = problem ? `${problem.line}:${problem.column}` : '1:1';
    const what = problem?.message ?? (e as Error).message;
    throw new TraceError({ file, line: problem?.line, column: problem?.column }, `${file}:${where}: invalid JSON: ${what}`);
  }
}

function parseStep(step: unknown, index: number, file: string): TraceStep {
  let label = `step ${index + 1}`;
  const fail = (field: string | undefined, message: string): never => {
    throw new TraceError({ file, step: index, field }, `${file}: ${label}: ${field === undefined ? '' : `${field}: `}${message}`);
  };
  if (!isRecord(step)) return fail(undefined, `expected an object {"op": ..., "args": {...}}, got ${describeValue(step)}`);
  if (typeof step.op !== 'string') return fail('op', `expected an operation name, got ${describeValue(step.op)}`);
  if (!(OP_NAMES as readonly string[]).includes(step.op)) {
    return fail('op', `unknown operation ${JSON.stringify(step.op)}${didYouMean(step.op, OP_NAMES)}`);
  }
  const op = step.op as OpName;
  label = `step ${index + 1} (${op})`;
  rejectUnknownKeys(step, STEP_KEYS, fail);
  const args = step.args ?? {};
  if (!isRecord(args)) return fail('args', `expected an object, got ${describeValue(args)}`);
  const schema = opSchema(op);
  const specs = Object.entries(schema.args) as [string, ArgSpec][];
  rejectUnknownKeys(
    args,
    specs.map(([name]) => name),
    (key, message) => fail(`args.${key}`, message),
  );
  for (const [name, spec] of specs) {
    if (!(name in args)) {
      if (!spec.optional) fail(`args.${name}`, `missing (${op} needs ${requiredNames(specs).join(', ')})`);
      continue;
    }
    const problem = checkField(spec.type, args[name]);
    if (problem) fail(`args.${name}`, problem);
  }
  const across = schema.across?.(args);
  if (across) fail('args', across);
  if ('expect' in step) {
    const problem = checkExpect(op, step.expect);
    if (problem) fail(problem[0], problem[1]);
  }
  if ('thread' in step) {
    const t = step.thread;
    if (!isRecord(t) || typeof t.id !== 'string' || !/^t[1-9]$/.test(t.id) || (t.kind !== 'start' && t.kind !== 'resume') || Object.keys(t).some((k) => k !== 'id' && k !== 'kind')) {
      fail('thread', `expected {"id": "t1"…"t9", "kind": "start" or "resume"}, got ${describeValue(t)}`);
    }
    if (!(THREAD_OPS as readonly string[]).includes(op)) fail('thread', `${op} cannot run as a thread; only ${THREAD_OPS.join(', ')} can (they reach an interleaving point)`);
  }
  if ('note' in step && typeof step.note !== 'string') fail('note', `expected a string, got ${describeValue(step.note)}`);
  if ('recorded' in step) {
    const problem = checkRecorded(op, step.recorded);
    if (problem) fail(problem[0], problem[1]);
  }
  return { ...(step as unknown as TraceStep), args };
}

function parseRuns(runs: unknown, fail: (field: string, message: string) => never): void {
  if (!Array.isArray(runs)) fail('runs', `expected an array of {"proposal", "violates"?}, got ${describeValue(runs)}`);
  const verdicts: readonly string[] = [...INVARIANT_IDS, 'refinement'];
  for (const [i, run] of (runs as unknown[]).entries()) {
    if (!isRecord(run)) fail(`runs.${i}`, `expected an object, got ${describeValue(run)}`);
    rejectUnknownKeys(run, RUN_KEYS, (key, message) => fail(`runs.${i}.${key}`, message));
    if (typeof run.proposal !== 'string') fail(`runs.${i}.proposal`, `expected a string, got ${describeValue(run.proposal)}`);
    if ('violates' in run && !verdicts.includes(run.violates as string)) {
      fail(`runs.${i}.violates`, `expected an invariant id or "refinement", got ${describeValue(run.violates)}${didYouMean(String(run.violates), verdicts)}`);
    }
  }
}

function rejectUnknownKeys(record: Json, known: readonly string[], fail: (key: string, message: string) => never): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      fail(key, `unknown field${didYouMean(key, known)}; expected ${known.length ? known.join(', ') : 'no fields'}`);
    }
  }
}

function requiredNames(specs: readonly [string, ArgSpec][]): string[] {
  return specs.filter(([, spec]) => !spec.optional).map(([name]) => name);
}
