// Whether bin/zdspec.js runs the JavaScript build in dist/ or the
// TypeScript sources through tsx (the bench reports which). The build is
// used while it is newer than every source file the build compiles; once a
// source is edited the sources run, so what runs is always what is checked
// out (`npm run build` makes it fast again). ZDSPEC_FROM_DIST=1 forces the
// build, =0 the sources. The check costs ~5 ms (an mtime per source file).
import { existsSync, readdirSync, statSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url);
const BUILT_MAIN = 'dist/src/cli/main.js';
const BUNDLED_MAIN = 'dist/bundle/main.js';
// tsc -b rewrites only the outputs that changed (the build is composite), so
// an edit that leaves main.js alone leaves main.js older than the source:
// the build record is rewritten by every build that compiled anything. An
// installed package has neither a build record (package.json "files") nor
// sources; there main.js stands in.
const BUILD_RECORD = 'dist/tsconfig.build.tsbuildinfo';

/** When the build under `root` last compiled (ms). */
function builtAt(root) {
  const record = new URL(BUILD_RECORD, root);
  return statSync(existsSync(record) ? record : new URL(BUILT_MAIN, root)).mtimeMs;
}

/** The newest mtime (ms) of the .ts files under `dir` that the build compiles (not tests: tsconfig.build.json). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

/** `root`: the package's directory as a URL ending in '/' (tests pass a scratch tree). */
export function useBuild(env = process.env, root = ROOT) {
  if (env.ZDSPEC_FROM_DIST === '1') return true;
  if (env.ZDSPEC_FROM_DIST === '0' || !existsSync(new URL(BUILT_MAIN, root))) return false;
  // An installed package has no sources: its build is all there is.
  if (!existsSync(new URL('src/cli/main.ts', root))) return true;
  const stamp = builtAt(root);
  return ['models', 'src'].every((d) => newestSource(new URL(d, root).pathname) <= stamp);
}

/**
 * Whether the build's bundles (dist/bundle/, scripts/bundle.ts) may run in
 * place of its modules: they were made from this build (not older than it),
 * and the process is not measuring coverage (NODE_V8_COVERAGE: coverage is
 * reported by source file and function, which the unbundled build keeps
 * exactly). Ask only where useBuild() said yes.
 */
export function useBundle(env = process.env, root = ROOT) {
  const bundled = new URL(BUNDLED_MAIN, root);
  if (env.NODE_V8_COVERAGE || !existsSync(bundled)) return false;
  return statSync(bundled).mtimeMs >= builtAt(root);
}
