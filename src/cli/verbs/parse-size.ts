// "512m", "2g", "1.5G", "800k", "2GiB", "512MB" or a bare number of bytes
// ("1048576", "1048576b") → bytes (--max-memory). The "i" of KiB/MiB/GiB
// only follows a unit: "5i" is not a size.
import { InputError } from '../bad-input.ts';

const UNIT: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function parseSize(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(?:([kmg])i?)?b?$/i.exec(raw.trim());
  if (m === null) throw new InputError(`${option}: expected a size like 512m or 2g (k, m, g: KiB, MiB, GiB; a bare number is bytes), got '${raw}'`);
  const bytes = Number(m[1]) * (UNIT[(m[2] ?? '').toLowerCase()] ?? Number.NaN);
  if (!(bytes >= 1024 * 1024)) throw new InputError(`${option}: expected a size of at least 1m (a bare number is bytes), like 512m or 2g, got '${raw}'`);
  return Math.round(bytes);
}
