// spawnWorker runs a source module's compiled twin while the build is fresh
// (no tsx in the worker), and anything else through tsx.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { useBuild } from '../../../bin/use-build.js';
import { spawnWorker } from './spawn-worker.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-spawn-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function firstMessage(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

describe('spawnWorker', () => {
  it('runs a zdspec source module from dist/ while the build is fresh, else from the sources', async () => {
    const url = await firstMessage(spawnWorker(new URL('./testing/post-own-url.ts', import.meta.url)));
    if (useBuild()) expect(url).toMatch(/\/dist\/src\/check\/pool\/testing\/post-own-url\.js$/);
    else expect(url).toMatch(/\/src\/check\/pool\/testing\/post-own-url\.ts$/);
  });

  it('runs a TypeScript module that has no build through tsx', async () => {
    // An ES module, as zdspec's own and a proposal's are.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const file = join(dir, 'typed.ts');
    writeFileSync(file, "import { parentPort } from 'node:worker_threads';\nconst n: number = 6 * 7;\nparentPort?.postMessage(n);\n");
    expect(await firstMessage(spawnWorker(pathToFileURL(file)))).toBe(42);
  });
});
