#!/usr/bin/env node
// The zdspec CLI entry. An installed package runs its JavaScript build
// (dist/, made by `npm run build` when it is packed): no transpiling at
// start. A git checkout runs the TypeScript sources through tsx, so what
// runs is always what is checked out (ZDSPEC_FROM_DIST=1 runs a local build
// instead). Proposal files in TypeScript load through tsx either way.
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const sources = existsSync(new URL('src/cli/main.ts', root)) && process.env.ZDSPEC_FROM_DIST !== '1';
let main;
if (sources) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  ({ main } = await import('../dist/src/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
