// preloadInWorker's answers that the CLI tests do not reach: a top-level
// await that never settles (the worker's event loop empties), a top level
// kept off the CPU or blocked, and the time limit's setting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProposalError } from '../../models/proposals/proposal-error.ts';
import { DEFAULT_LOAD_TIMEOUT_MS, loadTimeoutMs, preloadInWorker } from './preload-in-worker.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-preload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preloadInWorker', () => {
  it('is a load error when a top-level await never settles', async () => {
    const file = join(dir, 'never.mjs');
    writeFileSync(file, 'await new Promise(() => {});\nexport default {};\n');
    const error = await preloadInWorker(file, 5000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProposalError);
    expect((error as ProposalError).message).toBe(`${file}: (file): a top-level await never settled while loading`);
  });

  // The limit is the worker's CPU time (Linux): a thread asleep is what a
  // stopped process looks like from inside. It sleeps 1.5 limits, well
  // inside the 3 limits of wall time a block gets (a loaded machine may take
  // a few hundred ms to start the import: 900 of 1,200 ms was too tight).
  it('lets a top level that sleeps past the limit, without using the CPU, finish loading', async () => {
    const file = join(dir, 'sleeps.mjs');
    writeFileSync(file, 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);\nexport default {};\n');
    await expect(preloadInWorker(file, 400)).resolves.toBeUndefined();
  });

  it('is a load error when the top level blocks for 3 limits of wall time', async () => {
    const file = join(dir, 'blocks.mjs');
    writeFileSync(file, 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\nexport default {};\n');
    const started = performance.now();
    const error = await preloadInWorker(file, 300).catch((e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect((error as ProposalError).message).toMatch(new RegExp(`^${file}: \\(file\\): did not finish loading: it ran 0(\\.\\d)? s on the CPU in (0\\.9|1(\\.\\d)?) s: a block at import time\\?$`));
  });

  it('takes its limit from ZDSPEC_LOAD_TIMEOUT_MS when that is a positive number', () => {
    expect(loadTimeoutMs({ ZDSPEC_LOAD_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(loadTimeoutMs({})).toBe(DEFAULT_LOAD_TIMEOUT_MS);
    expect(loadTimeoutMs({ ZDSPEC_LOAD_TIMEOUT_MS: 'soon' })).toBe(DEFAULT_LOAD_TIMEOUT_MS);
    expect(loadTimeoutMs({ ZDSPEC_LOAD_TIMEOUT_MS: '0' })).toBe(DEFAULT_LOAD_TIMEOUT_MS);
  });
});
