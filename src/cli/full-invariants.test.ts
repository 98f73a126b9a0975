// --full-invariants judges the reference side at every step; by default it
// is judged once where the two views agree (src/runner/views-agree.ts). The
// findings must be the same either way (properties/runner/full-invariants
// .test.ts compares the two modes step by step over every built-in and
// mutant); here: the flag reaches the pair under run and replay, and check
// records the mode in its summary.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-full-invariants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// hmm-v4.14 lets a long-term pin of a DEVICE_PUBLIC page through, and its
// era's specification allows it too: findings on both sides, where the views agree.
const SCENARIO = join(import.meta.dirname, '../../properties/scenarios/seed-device-public-longterm-pin.json');

describe('--full-invariants', () => {
  it.each(['run', 'replay'])('%s: the same report with and without it', async (verb) => {
    const args = [verb, SCENARIO, '--proposal', 'hmm-v4.14', '--json'];
    const fast = await runMain(...args);
    const full = await runMain(...args, '--full-invariants');
    expect(fast.code).toBe(1);
    expect(full).toEqual(fast);
    expect(fast.out).toContain('"side": "reference"');
  });

  it('check: recorded in the summary options (and absent without it)', async () => {
    const args = ['check', 'upstream', '--seed', '1', '--runs', '5', '--workers', '1', '-q'];
    expect((await runMain(...args, '--full-invariants', '-o', join(dir, 'full'))).code).toBe(0);
    expect((await runMain(...args, '-o', join(dir, 'fast'))).code).toBe(0);
    const options = (d: string) => JSON.parse(readFileSync(join(dir, d, 'summary.json'), 'utf8')).options;
    expect(options('full')['full-invariants']).toBe(true);
    expect(options('fast')['full-invariants']).toBeUndefined();
  });
});
