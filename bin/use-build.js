// Whether bin/zdspec.js runs the JavaScript build in dist/ or the
// TypeScript sources through tsx (the bench reports which). The build is
// used while it is newer than every source file the build compiles; once a
// source is edited the sources run, so what runs is always what is checked
// out (`npm run build` makes it fast again). ZDSPEC_FROM_DIST=1 forces the
// build, =0 the sources. The check costs ~5 ms (an mtime per source file).
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const BUILT_MAIN = new URL('dist/src/cli/main.js', root);
const BUNDLED_MAIN = new URL('dist/bundle/main.js', root);

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

export function useBuild(env = process.env) {
  if (env.ZDSPEC_FROM_DIST === '1') return true;
  if (env.ZDSPEC_FROM_DIST === '0' || !existsSync(BUILT_MAIN)) return false;
  // An installed package has no sources: its build is all there is.
  if (!existsSync(new URL('src/cli/main.ts', root))) return true;
  const stamp = statSync(BUILT_MAIN).mtimeMs;
  return ['models', 'src'].every((d) => newestSource(new URL(d, root).pathname) <= stamp);
}

/**
 * Whether the build's bundles (dist/bundle/, scripts/bundle.ts) may run in
 * place of its modules: they were made from this build (not older than it),
 * and the process is not measuring coverage (NODE_V8_COVERAGE: coverage is
 * reported by source file and function, which the unbundled build keeps
 * exactly). Ask only where useBuild() said yes.
 */
export function useBundle(env = process.env) {
  if (env.NODE_V8_COVERAGE || !existsSync(BUNDLED_MAIN)) return false;
  return statSync(BUNDLED_MAIN).mtimeMs >= statSync(BUILT_MAIN).mtimeMs;
}
