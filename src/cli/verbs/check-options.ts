// Parsing `zdspec check` options: every bad value is an InputError naming
// the option (exit 2), never a silent default.
import { ALL_CHECKS, isSelectableCheck, type SelectableCheck } from '../../check/checks.ts';
import { isValidPath, parseReplayToken } from '../../check/replay-path.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { InputError } from '../bad-input.ts';

export function parseCount(option: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new InputError(`${option}: expected an integer ≥ ${min}, got '${raw}'`);
  return n;
}

export function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  // fast-check seeds are 32-bit integers (it prints them signed).
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 32) throw new InputError(`--seed: expected a 32-bit integer, got '${raw}'`);
  return n | 0;
}

/** "30s", "2m", "500ms", or a bare number of seconds → milliseconds. */
export function parseDuration(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw.trim());
  if (m === null) throw new InputError(`${option}: expected a duration like 30s, 2m or 500ms, got '${raw}'`);
  const unit = m[2] ?? 's';
  return Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
}

export function parsePath(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isValidPath(parseReplayToken(raw).path)) {
    throw new InputError(`--path: expected a replay path like 3:1:0@AAB:q (from a counterexample), got '${raw}'`);
  }
  return raw;
}

export function parseChecks(raw: readonly string[] | undefined): SelectableCheck[] | undefined {
  if (raw === undefined || raw.length === 0) return undefined;
  const ids = raw.flatMap((r) => r.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!isSelectableCheck(id)) throw new InputError(`--invariant: unknown check '${id}'${didYouMean(id, ALL_CHECKS)}; ids: ${ALL_CHECKS.join(', ')}`);
  }
  return [...new Set(ids)] as SelectableCheck[];
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
