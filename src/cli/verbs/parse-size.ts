// "512m", "2g", "1.5G", "800k" or a bare number of bytes → bytes (--max-memory).
import { InputError } from '../bad-input.ts';

const UNIT: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function parseSize(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(raw.trim());
  const bytes = m === null ? Number.NaN : Number(m[1]) * (UNIT[(m[2] ?? '').toLowerCase()] ?? Number.NaN);
  if (!(bytes >= 1024 * 1024)) throw new InputError(`${option}: expected a size of at least 1m, like 512m or 2g, got '${raw}'`);
  return Math.round(bytes);
}
