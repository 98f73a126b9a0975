// Starting a worker thread on a zdspec module. From a JavaScript build the
// module runs directly. From the TypeScript sources (tests, `npx tsx`) a
// worker does not inherit the main thread's tsx loader: it would start in
// ts-worker.mjs, register tsx and push ~380 modules through it (~1.3 s to a
// ready check worker, most of a small `check`). So while the build in dist/
// is fresh (bin/use-build.js: newer than every source it compiles, and
// ZDSPEC_FROM_DIST not 0) the worker runs the module's compiled twin there,
// which is the same code: its bundle (dist/bundle/, ~0.17 s to ready) when
// it is an entry of one (src/util/bundle-entries.ts) and bundles may run
// (useBundle: not under coverage), else its module in dist/ (~0.5 s). Only a
// stale or missing build goes through tsx. Workers exchange plain messages
// only, so the two sides need not share module instances.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { bundleOf } from '../../util/bundle-entries.ts';
import { zdspecPackage } from '../../util/package-root.ts';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** bin/use-build.js's exports (its types: bin/use-build.d.ts). */
type UseBuild = typeof import('../../../bin/use-build.js');

/** Whether dist/ holds a build of exactly these sources, and whether its bundles may run (asked once: ~5 ms of mtimes). */
const build: { fresh: boolean; bundles: boolean } = await (async () => {
  if (!FROM_SOURCES) return { fresh: false, bundles: false };
  const use = (await import(pathToFileURL(join(zdspecPackage().root, 'bin', 'use-build.js')).href)) as UseBuild;
  const fresh = use.useBuild();
  return { fresh, bundles: fresh && use.useBundle() };
})();

/** dist/'s compiled twin of a source module (its bundle if it has one), when the build is fresh and has it. */
function builtTwin(moduleUrl: URL): URL | undefined {
  if (!build.fresh) return undefined;
  const root = zdspecPackage().root;
  const rel = relative(root, fileURLToPath(moduleUrl));
  if (rel.startsWith('..')) return undefined;
  const bundle = build.bundles ? bundleOf(rel) : undefined;
  const js = join(root, bundle ?? join('dist', rel.replace(/\.ts$/, '.js')));
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
