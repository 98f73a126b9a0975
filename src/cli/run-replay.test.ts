// `zdspec run` and `zdspec replay` end to end on the real models: handles no
// step created (exit 2), divergence from the recorded results, and the trust
// model for proposal files.
import { describe, expect, it } from 'vitest';
import { runReplaySandbox } from './run-replay.fixtures.ts';

const { file, zdspec, counterexample, cx, proposalFile } = runReplaySandbox();
const mmap = { op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } };
const pin = (vpn: number) => ({ op: 'pin_user_pages', args: { proc: 'p0', vpn, write: true, longterm: false, fast: false } });
const unpin = (handle: string) => ({ op: 'unpin_user_page', args: { pin: handle } });
const plain = proposalFile('plain', '');

describe('zdspec run: handles no step created', () => {
  it('exits 2 naming the file, step, field and handle', async () => {
    // The pin at vpn 5 fails (no VMA there), so pin0 never exists.
    const trace = file('never.json', { steps: [mmap, pin(5), { op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 1 } }, pin(5), unpin('pin0')] });
    const { code, err } = await zdspec('run', trace);
    expect(code).toBe(2);
    expect(err).toContain(`${trace}: step 5 (unpin_user_page): args.pin: pin0 was never created (no earlier step created it)`);
  });

  it('runs a trace naming a released handle again (a stale-handle test)', async () => {
    const { code, out } = await zdspec('run', file('stale.json', { steps: [mmap, pin(0), unpin('pin0'), unpin('pin0')] }));
    expect(code).toBe(0);
    expect(out).toContain('unpin_user_page(pin0) = -EINVAL');
  });
});

describe('zdspec replay: recorded results', () => {
  it('reproduces under the recorded proposal', async () => {
    const { code, out } = await zdspec('replay', cx);
    expect([code, out]).toEqual([1, expect.stringContaining('replay: reproduced: no-longterm-pin-coherent')]);
  });

  it('says "diverged at step 1" when a step before the failing one now fails (exit 1)', async () => {
    // v4.14 has no MEMORY_DEVICE_COHERENT: memremap_pages fails, pgmap0 never exists.
    const { code, out } = await zdspec('replay', cx, '--proposal', 'hmm-v4.14');
    expect(code).toBe(1);
    expect(out).toContain('replay: diverged at step 1: recorded pgmap0, now -EINVAL; the rest of the trace no longer means what it meant');
    expect(out).not.toContain('now holds');
  });

  it('says "now holds" when only the failing step differs (exit 0), noting the difference', async () => {
    const { code, out } = await zdspec('replay', cx, '--proposal', 'coherent-v4');
    expect(code).toBe(0);
    expect(out).toContain('step 4 (pin_user_pages): recorded pin0, now -EFAULT: not a divergence');
    expect(out).toContain('replay: now holds');
  });

  it('compares nothing in a file without recorded results', async () => {
    const { code, out } = await zdspec('replay', file('bare.json', counterexample('coherent-v4', { recorded: false })));
    expect([code, out]).toEqual([0, expect.stringContaining('replay: now holds')]);
    expect(out).not.toContain('recorded pin0');
  });
});

describe('zdspec replay: proposal files are code', () => {
  const named = file('names-file.json', counterexample('./plain.mjs'));

  it('refuses a file naming a proposal file without --allow-proposal-file (exit 2)', async () => {
    const { code, err } = await zdspec('replay', named);
    expect(code).toBe(2);
    expect(err).toContain(`${named}: proposal: names the proposal file './plain.mjs'. A proposal is code and runs with your rights`);
    expect(err).toContain('--allow-proposal-file');
  });

  it('runs it with --allow-proposal-file, and a --proposal file typed by the user without', async () => {
    const allowed = await zdspec('replay', named, '--allow-proposal-file');
    expect([allowed.code, allowed.out]).toEqual([0, expect.stringContaining('proposal plain (era upstream)')]);
    const typed = await zdspec('replay', cx, '--proposal', plain);
    expect([typed.code, typed.out]).toEqual([0, expect.stringContaining('replay: now holds')]);
  });
});
