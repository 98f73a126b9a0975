// How long `zdspec --help` takes from a cold process: node's own start,
// the CLI's modules and commander. The real entry (bin/zdspec.js) as a user
// runs it; it uses dist/ (its bundle, dist/bundle/) when the build is fresh (`npm run build`), else
// the sources through tsx — the bench says which.
import { spawnSync } from 'node:child_process';
import { useBuild, useBundle } from '../bin/use-build.js';
import { median } from './measure.ts';

const BIN = new URL('../bin/zdspec.js', import.meta.url).pathname;

export interface StartTime {
  readonly medianMs: number;
  readonly samples: readonly number[];
  readonly from: 'dist/bundle' | 'dist' | 'sources';
}

function once(env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, '--help'], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: zdspec --help exited ${r.status}: ${r.stderr}`);
  return performance.now() - started;
}

/** Median of `samples` cold starts (after one to warm the file cache). */
export function helpStart(samples = 7): StartTime {
  const from = useBuild() ? (useBundle() ? 'dist/bundle' : 'dist') : 'sources';
  once(process.env);
  const times = Array.from({ length: samples }, () => once(process.env));
  return { medianMs: median(times), samples: times, from };
}
