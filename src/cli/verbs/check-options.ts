// Parsing the options of `zdspec check` (and the ones `run` and `replay`
// share with it: --invariant, durations): every bad value is an InputError
// naming the option (exit 2), never a silent default.
import type { InvariantId } from '../../../models/invariants/invariant.ts';
import { ALL_CHECKS, invariantsOf, isSelectableCheck, type SelectableCheck } from '../../check/checks.ts';
import { DEFAULT_HANG_BASE_MS } from '../../check/hang-limit.ts';
import { isValidPath, parseReplayToken } from '../../check/replay-path.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { InputError } from '../bad-input.ts';
import { listValues } from './collect.ts';
import { OP_NAMES, type OpName } from '../../../models/ops.ts';
import { MEMORY_TYPES, isMemoryType, type MemoryType } from '../../../models/vocabulary.ts';
import { COVERAGE_CLASSES, type CoverageClass } from '../../coverage/semantic/scope.ts';
import type { Shard } from '../../check/pool/shard.ts';

export function parseCount(option: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  // Decimal digits only: Number() would also take '0x10', '1e3', ' 5' and ''.
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new InputError(`${option}: expected an integer ≥ ${min}, got '${raw}'`);
  return n;
}

export function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  // fast-check seeds are 32-bit integers (it prints them signed).
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 32) throw new InputError(`--seed: expected a 32-bit integer, got '${raw}'`);
  return n | 0;
}

/** --shard i/n: this machine's share of the plan (src/check/pool/shard.ts), 1 ≤ i ≤ n. */
export function parseShard(raw: string | undefined): Shard | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const [index, count] = m === null ? [Number.NaN, Number.NaN] : [Number(m[1]), Number(m[2])];
  if (!(index >= 1 && count >= 1 && index <= count && Number.isSafeInteger(count))) {
    throw new InputError(`--shard: expected i/n, this machine's share of n, with 1 ≤ i ≤ n (e.g. 1/3), got '${raw}'`);
  }
  return { index, count };
}

/**
 * "30s", "2m", "500ms", or a bare number of seconds → milliseconds, at least
 * 1: a budget of 0 (or one that rounds to 0) would check nothing, so it is a
 * usage error rather than a run that passes vacuously.
 */
export function parseDuration(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw.trim());
  if (m === null) throw new InputError(`${option}: expected a duration like 30s, 2m or 500ms, got '${raw}'`);
  const unit = m[2] ?? 's';
  const ms = Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
  if (ms < 1) throw new InputError(`${option}: expected a duration of at least 1 ms, like 30s, 2m or 500ms (a budget of 0 checks nothing), got '${raw}'`);
  return ms;
}

/** --hook-time-limit (run, replay): the hang limit's base in ms; a run of n steps hangs after base + 25 ms × n. */
export const parseHookTimeLimit = (raw: string | undefined): number => parseDuration('--hook-time-limit', raw) ?? DEFAULT_HANG_BASE_MS;

export function parsePath(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isValidPath(parseReplayToken(raw).path)) {
    throw new InputError(`--path: expected a replay path like 3:1:0@AAB:q (from a counterexample), got '${raw}'`);
  }
  return raw;
}

export function parseChecks(raw: readonly string[] | undefined): SelectableCheck[] | undefined {
  if (raw === undefined || raw.length === 0) return undefined;
  const ids = listValues(raw);
  for (const id of ids) {
    if (!isSelectableCheck(id)) throw new InputError(`--invariant: unknown check '${id}'${didYouMean(id, ALL_CHECKS)}; ids: ${ALL_CHECKS.join(', ')}`);
  }
  return [...new Set(ids)] as SelectableCheck[];
}

/**
 * --invariant for `run` and `replay`, as runTrace takes it: the invariants to
 * evaluate and whether refinement failures count. Nothing selected: every
 * invariant and refinement; a selection without "refinement" skips it, as in
 * `zdspec check`.
 */
export function runChecks(selected: readonly SelectableCheck[] | undefined): { invariants?: InvariantId[]; refinement: boolean } {
  if (selected === undefined || selected.length === 0) return { refinement: true };
  return { invariants: invariantsOf(selected), refinement: selected.includes('refinement') };
}

/** --focus (check), --ops (explore): operation names (repeatable or comma lists). */
export function parseFocusOps(raw: readonly string[] | undefined, option = '--focus'): OpName[] | undefined {
  const ids = listValues(raw);
  for (const id of ids) if (!(OP_NAMES as readonly string[]).includes(id)) throw new InputError(`${option}: unknown operation '${id}'${didYouMean(id, OP_NAMES)}; operations: ${OP_NAMES.join(', ')}`);
  return ids.length > 0 ? ([...new Set(ids)] as OpName[]) : undefined;
}

/** --types: memory type names (repeatable or comma lists). */
export function parseFocusTypes(raw: readonly string[] | undefined): MemoryType[] | undefined {
  const ids = listValues(raw);
  for (const id of ids) if (!isMemoryType(id)) throw new InputError(`--types: unknown memory type '${id}'${didYouMean(id, MEMORY_TYPES)}; types: ${MEMORY_TYPES.join(', ')}`);
  return ids.length > 0 ? ([...new Set(ids)] as MemoryType[]) : undefined;
}

/** --min-semantic-coverage: coverage class names (repeatable or comma lists). */
export function parseCoverageClasses(raw: readonly string[] | undefined): CoverageClass[] | undefined {
  const ids = listValues(raw);
  for (const id of ids) {
    if (!(COVERAGE_CLASSES as readonly string[]).includes(id))
      throw new InputError(`--min-semantic-coverage: unknown class '${id}'${didYouMean(id, COVERAGE_CLASSES)}; classes: ${COVERAGE_CLASSES.join(', ')}`);
  }
  return ids.length > 0 ? ([...new Set(ids)] as CoverageClass[]) : undefined;
}
