// preloadInWorker's answers that the CLI tests do not reach: a top-level
// await that never settles (the worker's event loop empties), and the time
// limit's setting.
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

  it('takes its limit from ZDSPEC_LOAD_TIMEOUT_MS when that is a positive number', () => {
    expect(loadTimeoutMs({ ZDSPEC_LOAD_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(loadTimeoutMs({})).toBe(DEFAULT_LOAD_TIMEOUT_MS);
    expect(loadTimeoutMs({ ZDSPEC_LOAD_TIMEOUT_MS: 'soon' })).toBe(DEFAULT_LOAD_TIMEOUT_MS);
    expect(loadTimeoutMs({ ZDSPEC_LOAD_TIMEOUT_MS: '0' })).toBe(DEFAULT_LOAD_TIMEOUT_MS);
  });
});
