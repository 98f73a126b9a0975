// Starting a worker thread on a zdspec module. From a JavaScript build the
// module runs directly. From the TypeScript sources (tests, `npx tsx`) a
// worker does not inherit the main thread's tsx loader: it would start in
// ts-worker.mjs, register tsx and push ~250 modules through it (~0.6 s of
// CPU per worker, most of a small `check`). So while the build in dist/ is
// fresh (bin/use-build.js: newer than every source it compiles, and
// ZDSPEC_FROM_DIST not 0) the worker runs the module's compiled twin there,
// which is the same code; only a stale or missing build goes through tsx.
// Workers exchange plain messages only, so the two sides need not share
// module instances.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { zdspecPackage } from '../../util/package-root.ts';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** Whether dist/ holds a build of exactly these sources (asked once: ~5 ms of mtimes). */
const buildIsFresh: boolean = FROM_SOURCES ? ((await import(pathToFileURL(join(zdspecPackage().root, 'bin', 'use-build.js')).href)) as { useBuild: () => boolean }).useBuild() : false;

/** dist/'s compiled twin of a source module, when the build is fresh and has it. */
function builtTwin(moduleUrl: URL): URL | undefined {
  if (!buildIsFresh) return undefined;
  const root = zdspecPackage().root;
  const rel = relative(root, fileURLToPath(moduleUrl));
  if (rel.startsWith('..')) return undefined;
  const js = join(root, 'dist', rel.replace(/\.ts$/, '.js'));
  return existsSync(js) ? pathToFileURL(js) : undefined;
}

export function spawnWorker(moduleUrl: URL, data: Readonly<Record<string, unknown>> = {}, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  if (moduleUrl.pathname.endsWith('.ts')) {
    const twin = builtTwin(moduleUrl);
    if (twin !== undefined) return new Worker(twin, { ...options, workerData: data });
    return new Worker(new URL('./ts-worker.mjs', import.meta.url), { ...options, workerData: { ...data, module: moduleUrl.href } });
  }
  return new Worker(moduleUrl, { ...options, workerData: data });
}
