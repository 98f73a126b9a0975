// A proposal's code misbehaving, end to end through the CLI: a hook that
// returns the wrong type or a Promise, code that calls process.exit, a top
// level that never returns. Each is a finding (exit 1) or a load error
// (exit 2) with a message naming what happened — never a silent exit 0, a
// hang, or Node's dump of an unhandled rejection.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-proposal-code-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reports = join(dir, 'reports');

/** A proposal file whose folio_is_longterm_pinnable is `hook`, after `top` at its top level. */
const proposal = (name: string, hook: string, top = '') => {
  const path = join(dir, `${name}.ts`);
  writeFileSync(path, `${top}\nexport default { name: '${name}', title: 't', source: 's', extends: 'upstream',\n  hooks: { folio_is_longterm_pinnable: ${hook} } };\n`);
  return path;
};

// A long-term pin of a system page: folio_is_longterm_pinnable runs at step 3.
const trace = join(dir, 'pin.json');
writeFileSync(
  trace,
  JSON.stringify({
    steps: [
      { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' } },
      { op: 'cpu_write', args: { proc: 'p0', vpn: 1, value: 7 } },
      { op: 'pin_user_pages', args: { proc: 'p0', vpn: 1, write: true, longterm: true, fast: false } },
    ],
  }),
);

async function zdspec(...argv: string[]) {
  const { code, out, err } = await runMain(...argv);
  return { code, text: out + err };
}
const check = (...files: string[]) => zdspec('check', ...files, '--seed', '1', '--runs', '50', '--report-dir', reports);
/** The text report of a counterexample (reports/<proposal>.<check>.txt, README "Reading a counterexample"). */
const report = (name: string, check: string): string => readFileSync(join(reports, `${name}.${check}.txt`), 'utf8');
/** Text reports wrap at 80 columns: compare with every run of whitespace as one space. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('a hook returning something that is not its decision', () => {
  it("is a proposal-bad-return finding in check: 'false' for a boolean", async () => {
    const { code, text } = await check(proposal('string-false', "() => 'false'"));
    expect(code).toBe(1);
    expect(text).toMatch(/string-false\.ts: violates proposal-bad-return/);
    expect(flat(report('string-false', 'proposal-bad-return'))).toContain('hook folio_is_longterm_pinnable returned "false", expected boolean');
  });

  it('is a finding in run: a Promise (an async hook)', async () => {
    const { code, text } = await zdspec('run', trace, '--proposal', proposal('async-true', 'async () => true'));
    expect(code).toBe(1);
    expect(text).toContain("✗ proposal-bad-return: hook folio_is_longterm_pinnable returned a Promise: hooks are synchronous (an async function's result is never awaited)");
  });

  it('is a finding in run, and a rejecting async hook leaves no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const { code, text } = await zdspec('run', trace, '--proposal', proposal('async-throws', "async () => { throw new Error('boom'); }"));
      expect(code).toBe(1);
      expect(text).toContain('First failure at step 3: proposal-bad-return');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('is a finding in run and replay: undefined (a hook that forgot to return)', async () => {
    const file = proposal('no-return', '(folio: { pfn: number }) => { folio.pfn > 0; }');
    const run = await zdspec('run', trace, '--proposal', file);
    expect(run.code).toBe(1);
    expect(run.text).toContain('✗ proposal-bad-return: hook folio_is_longterm_pinnable returned undefined, expected boolean');
    const replay = await zdspec('replay', trace, '--proposal', file);
    expect(replay.code).toBe(1);
    expect(replay.text).toContain('replay: fails: proposal-bad-return');
  });
});

describe('a proposal calling process.exit', () => {
  const exits = '() => { process.exit(0); return true; }';
  const message = 'hook folio_is_longterm_pinnable called process.exit(0): a proposal cannot end the process';

  it('in a hook, under run: a proposal-crashed finding', async () => {
    const { code, text } = await zdspec('run', trace, '--proposal', proposal('exit-in-hook-run', exits));
    expect(code).toBe(1);
    expect(text).toContain('proposal-crashed');
    expect(text).toContain(message);
  });

  it('in a hook, under check: a proposal-crashed finding', async () => {
    const { code, text } = await check(proposal('exit-in-hook-check', exits));
    expect(code).toBe(1);
    expect(text).toMatch(/exit-in-hook-check\.ts: violates proposal-crashed/);
    expect(flat(report('exit-in-hook-check', 'proposal-crashed'))).toContain(message);
  });

  it('at the top level: a load error naming the file', async () => {
    const file = proposal('exit-at-import', '() => true', 'process.exit(0);');
    const { code, text } = await check(file);
    expect(code).toBe(2);
    expect(text).toContain(`${file}: (file): called process.exit(0) while loading`);
  });
});

describe('a top level that never returns', () => {
  it('is a load error after ZDSPEC_LOAD_TIMEOUT_MS, not a hang', async () => {
    const before = process.env.ZDSPEC_LOAD_TIMEOUT_MS;
    process.env.ZDSPEC_LOAD_TIMEOUT_MS = '1500';
    try {
      const file = proposal('loops-at-import', '() => true', 'while (true) {}');
      const started = performance.now();
      const { code, text } = await check(file);
      expect(code).toBe(2);
      expect(text).toContain(`${file}: (file): did not finish loading within 1.5 s of CPU time: a loop at import time?`);
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      if (before === undefined) delete process.env.ZDSPEC_LOAD_TIMEOUT_MS;
      else process.env.ZDSPEC_LOAD_TIMEOUT_MS = before;
    }
  });
});

describe('the zdspec process', () => {
  it("prints one line for a proposal's unhandled rejection, not Node's dump", () => {
    const bin = fileURLToPath(new URL('../../bin/zdspec.js', import.meta.url));
    const file = proposal('fire-and-forget', "() => { void Promise.reject(new Error('late boom')); return true; }");
    const r = spawnSync(process.execPath, [bin, 'run', trace, '--proposal', file, '--quiet'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe("zdspec: a proposal's promise rejected: late boom\n");
    expect(r.status).toBe(0);
  });
});
