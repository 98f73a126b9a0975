// The CLI end to end on the real models: exit codes (0 holds, 1 a check
// failed, 2 bad input) and the messages bad input gets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const zdspec = runMain;

const steps = (readExpect: object) => [
  { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }, expect: { vpn: 0 } },
  { op: 'cpu_write', args: { proc: 'p0', vpn: 1, value: 7 } },
  { op: 'pin_user_pages', args: { proc: 'p0', vpn: 1, write: true, longterm: true, fast: false }, expect: { pin: 'pin0' } },
  { op: 'cpu_read', args: { proc: 'p0', vpn: 1 }, expect: readExpect, note: 'reads back' },
];
const passing = file('pass.json', JSON.stringify({ steps: steps({ value: 7, pages: { 'p0:1': { type: 'SYSTEM', pte: 'present', pincount: 1 } } }) }));

describe('zdspec run', () => {
  it('exits 0 when every check holds, printing steps as kernel calls', async () => {
    const { code, out } = await zdspec('run', passing);
    expect(code).toBe(0);
    expect(out).toContain('pin_user_pages(p0, vpn 1, FOLL_LONGTERM|FOLL_WRITE) = pin0');
    expect(out).toContain('cpu_read(p0, vpn 1) = 7  # reads back');
  });

  it('exits 1 on a wrong expectation and explains the first failure', async () => {
    const { code, out } = await zdspec('run', file('wrong.json', JSON.stringify({ steps: steps({ value: 8 }) })));
    expect(code).toBe(1);
    expect(out).toContain('First failure at step 4: expect');
    expect(out).toContain('value: expected 8, got 7');
    expect(out).toContain('the reference allowed: = 7');
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await zdspec('run', passing, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ proposal: 'upstream', era: 'upstream', ok: true });
  });

  it('exits 2 on a malformed or missing trace', async () => {
    const bad = await zdspec('run', file('bad.json', '{"steps": [{"op": "cpu_read", "args": {"proc": "p0", "vpn": "3"}}]}'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('step 1 (cpu_read): args.vpn: expected a non-negative integer, got "3"');
    const missing = await zdspec('run', join(dir, 'nope.json'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('trace file not found')]);
  });

  it('exits 2 on an unknown proposal, with a suggestion', async () => {
    const { code, err } = await zdspec('run', passing, '--proposal', 'upstrem');
    expect(code).toBe(2);
    expect(err).toContain("not a built-in proposal (did you mean 'upstream'?)");
  });

  it('exits 1 when a proposal hook throws (a finding, not a crash)', async () => {
    const crashing = file(
      'crash.ts',
      `export default { name: 'crash', title: 't', source: 's', extends: 'upstream',
      hooks: { folio_is_longterm_pinnable: () => { throw new Error('oops in hook'); } } };`,
    );
    const { code, out } = await zdspec('run', passing, '--proposal', crashing);
    expect(code).toBe(1);
    expect(out).toContain('proposal-crashed');
    expect(out).toContain('oops in hook');
  });
});

describe('proposal files', () => {
  it('loads a TypeScript proposal overriding one hook', async () => {
    const ok = file(
      'ok.ts',
      `export default { name: 'always-pinnable', title: 't', source: 's', extends: 'upstream',
      hooks: { folio_is_longterm_pinnable: (folio: { memoryType: string }) => folio.memoryType !== 'FS_DAX' } };`,
    );
    const { code, out } = await zdspec('run', passing, '--proposal', ok);
    expect(code).toBe(0);
    expect(out).toContain('proposal always-pinnable');
  });

  const bad: [string, string, RegExp][] = [
    ['syntax.ts', 'export default { name: "x", hooks: { a: () => ) } };', /syntax\.ts: \(file\): syntax error at line 1, column \d+/],
    ['nodefault.ts', 'export const proposal = {};', /nodefault\.ts: default: no default export \(it exports proposal/],
    [
      'unknown-hook.ts',
      `export default { name: 'x', title: 't', source: 's', extends: 'upstream', hooks: { folio_is_longterm_pinable: () => true } };`,
      /hooks\.folio_is_longterm_pinable: unknown hook .*did you mean 'folio_is_longterm_pinnable'/,
    ],
    [
      'not-function.ts',
      `export default { name: 'x', title: 't', source: 's', extends: 'upstream', hooks: { folio_is_longterm_pinnable: true } };`,
      /hooks\.folio_is_longterm_pinnable: hook 'folio_is_longterm_pinnable' must be a function/,
    ],
    ['bad-extends.ts', `export default { name: 'x', title: 't', source: 's', extends: 'upstreem' };`, /extends/],
  ];
  for (const [name, content, message] of bad) {
    it(`exits 2 for ${name}`, async () => {
      const { code, err } = await zdspec('run', passing, '--proposal', file(name, content));
      expect(code).toBe(2);
      expect(err).toMatch(message);
    });
  }

  it('exits 2 for a proposal file that does not exist', async () => {
    const { code, err } = await zdspec('run', passing, '--proposal', join(dir, 'missing.ts'));
    expect(code).toBe(2);
    expect(err).toMatch(/missing\.ts: \(file\): file not found/);
  });
});

describe('zdspec list and help', () => {
  it('lists proposals with verdicts and invariants', async () => {
    const { code, out } = await zdspec('list');
    expect(code).toBe(0);
    expect(out).toMatch(/coherent-v1 .*\n/);
    expect(out).toMatch(/no-longterm-pin-coherent +violated/);
    const json = JSON.parse((await zdspec('list', '--json')).out);
    expect(json.invariants.map((i: { id: string }) => i.id)).toContain('refcount-expected');
    expect(json.proposals.find((p: { name: string }) => p.name === 'upstream')).toMatchObject({ baseEra: 'upstream', extends: null });
  });

  it('has --help with examples for each verb, and usage errors exit 2', async () => {
    for (const verb of ['run', 'list']) {
      const { code, out } = await zdspec(verb, '--help');
      expect(code).toBe(0);
      expect(out).toContain('Examples:');
    }
    expect((await zdspec('run', passing, '--bogus')).code).toBe(2);
  });
});

describe('zdspec --version', () => {
  it('prints the package version and exits 0', async () => {
    const { code, out } = await zdspec('--version');
    expect(code).toBe(0);
    expect(out.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
