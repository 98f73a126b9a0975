// What scripts/bundle.ts bundles, and where: each entry by the basename its
// callers look it up by, and the source it starts from. spawn-worker.ts
// starts a worker from its bundle when there is one; bin/zdspec.js runs
// dist/bundle/main.js.
export const BUNDLE_DIR = 'dist/bundle';

export const BUNDLE_ENTRIES = {
  main: 'src/cli/main.ts',
  'check-worker': 'src/check/pool/check-worker.ts',
  'explore-worker': 'src/explore/pool/explore-worker.ts',
  'load-worker': 'src/proposals/load-worker.ts',
} as const satisfies Record<string, string>;

/** The bundle that starts from `source` (a path relative to the package root), if it is an entry. */
export function bundleOf(source: string): string | undefined {
  const entry = Object.entries(BUNDLE_ENTRIES).find(([, s]) => s === source);
  return entry === undefined ? undefined : `${BUNDLE_DIR}/${entry[0]}.js`;
}
