// zdspec's own directory (the one holding its package.json): found by
// walking up from this file, so the same code finds it from the sources
// (src/util/) and from the build (dist/src/util/), installed or checked out.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; version: string } | undefined;

/** The package's root directory and version; the root above this file and 'unknown' if no zdspec package.json is found. */
export function zdspecPackage(): { readonly root: string; readonly version: string } {
  if (cached !== undefined) return cached;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'zdspec' && typeof pkg.version === 'string') return (cached = { root: dir, version: pkg.version });
    }
    if (dirname(dir) === dir) return (cached = { root: join(start, '../..'), version: 'unknown' });
  }
}
