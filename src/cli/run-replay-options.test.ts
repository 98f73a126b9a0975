// `zdspec run` and `zdspec replay` under the hang limit, and the options they
// share with `check` (--invariant, durations), end to end on the real models.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplaySandbox } from './run-replay.fixtures.ts';

const { file, zdspec, cx, proposalFile } = runReplaySandbox();
const mmap = { op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } };
const looping = proposalFile('loops', 'folio_is_longterm_pinnable: () => { for (;;) {} }');
// A long-term pin of a coherent page: upstream asks folio_is_longterm_pinnable.
const COHERENT_LONGTERM_PIN = join(import.meta.dirname, '../../properties/scenarios/seed-coherent-longterm-pin.json');

describe('the hang limit of run and replay', () => {
  const steps = [
    mmap,
    ...Array.from({ length: 1000 }, (_, i) => [
      { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: i } },
      { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } },
    ]).flat(),
  ];
  const long = file('long.json', { steps });

  it('does not take an honest 2,000-step trace for a hang', async () => {
    for (const verb of ['run', 'replay']) {
      // A 1 ms base: 2,001 honest steps need far more CPU than that, so only
      // the 25 ms per step keeps the trace from being taken for a hang (no
      // wall-clock assertion: a fast host must not make this test fail).
      const { code, out } = await zdspec(verb, long, '--hook-time-limit', '1ms');
      expect([code, out], verb).toEqual([0, expect.stringContaining('ok: 2001 steps, every check holds')]);
    }
  });

  it('reports a looping hook as proposal-timeout under run and replay (exit 1)', async () => {
    for (const verb of ['run', 'replay']) {
      const { code, out } = await zdspec(verb, COHERENT_LONGTERM_PIN, '--proposal', looping, '--hook-time-limit', '300ms');
      expect(code, verb).toBe(1);
      expect(out, verb).toContain('First failure at step 5: proposal-timeout');
      expect(out, verb).toContain('did not return within 475 ms of CPU time (step 5, in pin_user_pages(p0, vpn 0, FOLL_LONGTERM|FOLL_WRITE))');
    }
  });
});

describe('options shared with check', () => {
  it('--invariant on run: repeatable and comma lists; without "refinement" refinement is not reported', async () => {
    // cdm-numa-rfc puts the coherent page on the LRU (step 4), then pins it
    // long-term where its reference migrates it first (step 5: refinement too).
    const run = (...flags: string[]) => zdspec('run', COHERENT_LONGTERM_PIN, '--proposal', 'cdm-numa-rfc', ...flags);
    const all = await run();
    expect([all.code, all.out]).toEqual([1, expect.stringContaining('First failure at step 4: device-not-on-lru')]);
    expect(all.out).toMatch(/✗ refinement: [\s\S]*✗ no-longterm-pin-coherent \(kernel\)/);
    const other = await run('--invariant', 'data-preserved');
    expect([other.code, other.out]).toEqual([0, expect.stringContaining('every check holds')]);
    const pinOnly = await run('--invariant', 'no-longterm-pin-coherent', '--invariant', 'data-preserved');
    expect([pinOnly.code, pinOnly.out]).toEqual([1, expect.stringContaining('First failure at step 5: no-longterm-pin-coherent')]);
    expect(pinOnly.out).not.toContain('✗ refinement');
    const refinement = await run('--invariant', 'data-preserved,refinement');
    expect([refinement.code, refinement.out]).toEqual([1, expect.stringContaining('First failure at step 5: refinement')]);
  });

  it('--invariant on replay overrides the recorded checks', async () => {
    const replay = (...flags: string[]) => zdspec('replay', cx, '--proposal', 'cdm-numa-rfc', ...flags);
    expect((await replay()).out).toContain('replay: fails differently: device-not-on-lru (recorded: no-longterm-pin-coherent)');
    expect((await replay('--invariant', 'no-longterm-pin-coherent')).out).toContain('replay: reproduced: no-longterm-pin-coherent');
    const held = await replay('--invariant', 'data-preserved');
    expect([held.code, held.out]).toEqual([0, expect.stringContaining('replay: now holds')]);
    const refinement = await replay('--invariant', 'refinement');
    expect([refinement.code, refinement.out]).toEqual([1, expect.stringContaining('fails differently: refinement (recorded: no-longterm-pin-coherent)')]);
  });

  it('rejects unknown checks, the old spellings, and budgets of 0 (exit 2)', async () => {
    expect(await zdspec('run', cx, '--invariant', 'data-preserve')).toMatchObject({ code: 2, err: expect.stringContaining("did you mean 'data-preserved'") });
    expect((await zdspec('run', cx, '--invariants', 'data-preserved')).code).toBe(2);
    expect((await zdspec('replay', cx, '--time-limit', '2000')).code).toBe(2);
    for (const verb of ['run', 'replay']) {
      expect(await zdspec(verb, cx, '--hook-time-limit', '0'), verb).toMatchObject({ code: 2, err: expect.stringContaining('--hook-time-limit: expected a duration of at least 1 ms') });
      expect((await zdspec(verb, cx, '--hook-time-limit', '0ms')).code, verb).toBe(2);
    }
    expect(await zdspec('check', 'upstream', '--time-limit', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--time-limit: expected a duration of at least 1 ms') });
  });
});
