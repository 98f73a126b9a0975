#!/usr/bin/env node
// The zdspec CLI entry: registers tsx so the TypeScript sources (and proposal
// files written in TypeScript) load without a build step, then runs main.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
