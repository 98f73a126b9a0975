// The second half of `npm run build`: after tsc has compiled models/ and
// src/ to dist/, esbuild bundles the CLI and its worker threads' entries
// into dist/bundle/ (ES modules, shared code in chunks, packages left
// external). Node 20 loads an ES module graph at ~1.2 ms a module: a check
// worker's 378 modules took ~0.48 s to start, its bundle ~0.17 s, and the
// CLI's main thread pays the same again. The entries keep their basenames
// in one directory, so each finds the others where the unbundled code looks
// for them (`new URL('./check-worker.js', import.meta.url)`).
// The bundle is bundled from tsc's output, not the sources, so it runs what
// tsc emitted; source maps chain back to the .ts files. `--coverage` runs
// the unbundled dist/ (bin/zdspec.js, spawn-worker.ts): coverage is
// reported per source file by function name. npm test runs this after
// `tsc -b` (which rebuilds dist/ when a source changed, and so leaves the
// bundles older than dist/, which useBundle then declines): 0.2 s.
import { build } from 'esbuild';
import { BUNDLE_DIR, BUNDLE_ENTRIES } from '../src/util/bundle-entries.ts';

await build({
  entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([name, source]) => [name, `dist/${source.replace(/\.ts$/, '.js')}`])),
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  // No keepNames: it wraps every function and class made at run time in a
  // __name(fn, 'name') call (Object.defineProperty), 7% of a check step's
  // time in a profile, for names only a stack trace shows (esbuild renames
  // a clashing `step` to `step2`; the source maps keep the original). No
  // message or report reads a function's or class's name: error classes
  // set theirs, findings name hooks by their keys.
  keepNames: false,
  logLevel: 'warning',
});
