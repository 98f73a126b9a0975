#!/usr/bin/env node
// The zdspec CLI entry. It runs the JavaScript build in dist/ (made by
// `npm run build`, which `npm ci`/`npm install` run through `prepare`, and
// `npm pack` before packing): no transpiling at start, ~0.2 s to --help
// instead of ~1.7 s through tsx. In a git checkout the build runs only while
// it is fresh (use-build.js); otherwise the TypeScript sources run through
// tsx. Proposal files in TypeScript load through tsx either way. The build's
// bundle of the CLI (dist/bundle/, ~0.3 s less to load than its modules)
// runs unless coverage is measured (useBundle).
import { useBuild, useBundle } from './use-build.js';

let main;
if (useBuild()) {
  ({ main } = await import(useBundle() ? '../dist/bundle/main.js' : '../dist/src/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
