// bin/use-build.js in a scratch package tree with chosen mtimes: the build
// (and its bundles) run while the build last compiled after every source
// edit. The build record decides, not main.js: tsc -b rewrites only the
// outputs that changed, so main.js can be older than an edit it compiled.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useBuild, useBundle } from '../../bin/use-build.js';

const env = {};
const trees: string[] = [];

/** Files of a scratch package, each written with its mtime in seconds. */
function tree(files: Record<string, number>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'zdspec-use-build-'));
  trees.push(dir);
  for (const [path, seconds] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  }
  return pathToFileURL(`${dir}/`);
}

afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sources = { 'src/cli/main.ts': 100, 'models/state.ts': 100 };

describe('useBuild / useBundle', () => {
  it('run the build when it compiled after the last edit, though main.js is older than the edit', () => {
    const root = tree({ ...sources, 'src/runner/pair.ts': 200, 'dist/src/cli/main.js': 150, 'dist/tsconfig.build.tsbuildinfo': 250, 'dist/bundle/main.js': 260 });
    expect(useBuild(env, root)).toBe(true);
    expect(useBundle(env, root)).toBe(true);
  });

  it('run the sources after an edit the build has not compiled, a test file aside', () => {
    const root = tree({ ...sources, 'models/ops.ts': 300, 'dist/src/cli/main.js': 150, 'dist/tsconfig.build.tsbuildinfo': 250 });
    expect(useBuild(env, root)).toBe(false);
    const testOnly = tree({ ...sources, 'models/ops.test.ts': 300, 'dist/src/cli/main.js': 150, 'dist/tsconfig.build.tsbuildinfo': 250 });
    expect(useBuild(env, testOnly)).toBe(true);
  });

  it('decline a bundle older than the build, or under coverage', () => {
    const root = tree({ ...sources, 'dist/src/cli/main.js': 150, 'dist/tsconfig.build.tsbuildinfo': 250, 'dist/bundle/main.js': 240 });
    expect(useBuild(env, root)).toBe(true);
    expect(useBundle(env, root)).toBe(false);
    const fresh = tree({ ...sources, 'dist/src/cli/main.js': 150, 'dist/tsconfig.build.tsbuildinfo': 250, 'dist/bundle/main.js': 250 });
    expect(useBundle(env, fresh)).toBe(true);
    expect(useBundle({ NODE_V8_COVERAGE: '/tmp/x' }, fresh)).toBe(false);
  });

  it('in an installed package (no sources, no build record) run the build and its bundle', () => {
    const root = tree({ 'dist/src/cli/main.js': 150, 'dist/bundle/main.js': 150 });
    expect(useBuild(env, root)).toBe(true);
    expect(useBundle(env, root)).toBe(true);
  });

  it('with no build run the sources; ZDSPEC_FROM_DIST forces either way', () => {
    const none = tree(sources);
    expect(useBuild(env, none)).toBe(false);
    const built = tree({ ...sources, 'dist/src/cli/main.js': 150, 'dist/tsconfig.build.tsbuildinfo': 150 });
    expect(useBuild({ ZDSPEC_FROM_DIST: '0' }, built)).toBe(false);
    expect(useBuild({ ZDSPEC_FROM_DIST: '1' }, none)).toBe(true);
  });
});
