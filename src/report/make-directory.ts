// mkdir -p without Node's recursive mkdir, which never returns for a path
// under /proc on Node 20 (it retries ENOENT for ever): create each missing
// component in turn, so every failure is an ordinary error at once.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) {
    missing.push(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) mkdirSync(dir);
}
