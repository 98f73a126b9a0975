// The bundles' layout: each entry is named as its source file, so the code
// inside a bundle finds the other entries where the unbundled code looks
// for them (new URL('./check-worker.js', import.meta.url)); a fresh build
// has every bundle.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuild, useBundle } from '../../bin/use-build.js';
import { zdspecPackage } from './package-root.ts';
import { BUNDLE_DIR, BUNDLE_ENTRIES, bundleOf } from './bundle-entries.ts';

const root = zdspecPackage().root;

describe('bundle entries', () => {
  it.each(Object.entries(BUNDLE_ENTRIES))('%s is named as its source, which exists, and bundleOf finds it', (name, source) => {
    expect(basename(source, '.ts')).toBe(name);
    expect(existsSync(join(root, source))).toBe(true);
    expect(bundleOf(source)).toBe(`${BUNDLE_DIR}/${name}.js`);
  });

  it('names no bundle for a module that is not an entry', () => {
    expect(bundleOf('src/check/pool/spawn-worker.ts')).toBeUndefined();
  });

  it('every entry that spawns workers looks them up by an entry name', () => {
    for (const file of ['src/check/pool/worker-pool.ts', 'src/explore/pool/explore-pool.ts', 'src/proposals/preload-in-worker.ts']) {
      const looked = [...readFileSync(join(root, file), 'utf8').matchAll(/new URL\(`\.\/([\w-]+)\.\$\{/g)].map((m) => m[1]);
      expect(looked.length, file).toBeGreaterThan(0);
      for (const name of looked) expect(Object.keys(BUNDLE_ENTRIES), file).toContain(name);
    }
  });

  // `npm test` builds and bundles before vitest: a test that spawns the CLI
  // or a worker must get the build, not a 1.3 s tsx start (use-build.test.ts).
  it.runIf(process.env.npm_lifecycle_event === 'test')('under npm test, the build and its bundles are fresh', () => {
    expect(useBuild()).toBe(true);
    expect(useBundle()).toBe(true);
  });

  it('a fresh build has every bundle, and bundles do not run under coverage', () => {
    if (!useBuild() || !useBundle()) return expect(useBundle({ ...process.env, NODE_V8_COVERAGE: '/tmp/x' })).toBe(false);
    for (const name of Object.keys(BUNDLE_ENTRIES)) expect(existsSync(join(root, BUNDLE_DIR, `${name}.js`)), name).toBe(true);
    expect(useBundle({ ...process.env, NODE_V8_COVERAGE: '/tmp/x' })).toBe(false);
  });
});
