// `zdspec explore` end to end through main(): a shortest violation written
// and replayed (exit 1), a bounded hold (exit 0), --json, --max-states, 80
// columns, and bad input (exit 2, nothing written). Every search is narrowed
// with --ops and --types: explore runs at about 1,000 states a second.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './testing/run-main.ts';

// Short, so the paths explore prints fit its 80 columns.
const dir = mkdtempSync(join(tmpdir(), 'zdx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = Awaited<ReturnType<typeof runMain>>;
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const wide = (out: string): string[] => out.split('\n').filter((line) => [...line].length > 80);

const VIOLATION_OPS = 'memremap_pages,mmap,migrate_to_device';
const HOLD = ['upstream', '--depth', '2', '--types', 'PRIVATE', '--ops', 'memremap_pages,mmap,cpu_write,migrate_to_device'];

// The small searches first: they load and warm up the engine, which makes
// the violation search below faster.
describe('zdspec explore: no violation', () => {
  it('exits 0, complete to the depth, with the counts, in 80 columns', async () => {
    const out = join(dir, 'h');
    const { code, out: text, err } = await runMain('explore', ...HOLD, '-o', out);
    expect([code, err]).toEqual([0, '']);
    expect(text).toContain('complete to depth 2: no violation');
    expect(text).toMatch(/^ {2}states [\d,]+ distinct, transitions [\d,]+, [\d.]+ s, [\d,]+ states\/s$/m);
    expect(wide(text)).toEqual([]);
    expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual(['explore.json']);
    expect(readJson(join(out, 'explore.json'))).toMatchObject({ stop: 'complete', completeDepth: 2, depth: 2 });
  });

  it('--json prints the fields of explore.json', async () => {
    const out = join(dir, 'j');
    const { code, out: text } = await runMain('explore', ...HOLD, '--json', '-o', out);
    expect(code).toBe(0);
    const printed = JSON.parse(text) as Record<string, unknown>;
    expect(printed).toEqual(readJson(join(out, 'explore.json')));
    expect(printed).toMatchObject({ proposal: 'upstream', stop: 'complete', completeDepth: 2, frontier: [1, expect.any(Number), expect.any(Number)] });
    expect(printed.states).toBeGreaterThan(0);
    expect(printed).not.toHaveProperty('violation');
  });

  it('--max-states stops cleanly: bounded, complete to the depth reached (exit 0)', async () => {
    const out = join(dir, 'm');
    const { code, out: text } = await runMain('explore', ...HOLD, '--depth', '3', '--max-states', '50', '-o', out);
    expect(code).toBe(0);
    expect(text).toContain('bounded: complete to depth 1 (--max-states 50 reached');
    expect(wide(text)).toEqual([]);
    expect(readJson(join(out, 'explore.json'))).toMatchObject({ stop: 'max-states', completeDepth: 1, states: 50 });
  });
});

describe('zdspec explore: a violation', () => {
  const out = join(dir, 'v');
  const stem = join(out, 'cdm-numa-rfc.device-not-on-lru');
  let run: Run;
  beforeAll(async () => {
    run = await runMain('explore', 'cdm-numa-rfc', '--depth', '4', '--ops', VIOLATION_OPS, '-o', out);
  }, 30_000);

  it('exits 1 naming the shortest violation', () => {
    expect([run.code, run.err]).toEqual([1, '']);
    expect(run.out).toContain('violation: device-not-on-lru after 3 steps');
    expect(run.out).toMatch(/^written: \S/m);
  });

  it('writes the counterexample (txt, md, json) and explore.json', () => {
    for (const ext of ['txt', 'md', 'json']) expect(existsSync(`${stem}.${ext}`)).toBe(true);
    const txt = readFileSync(`${stem}.txt`, 'utf8');
    expect(txt).toContain('Steps (3, shortest');
    expect(txt).toContain('Found by zdspec explore');
    const summary = readJson(join(out, 'explore.json'));
    expect(summary).toMatchObject({
      proposal: 'cdm-numa-rfc',
      depth: 4,
      stop: 'violation',
      completeDepth: 2,
      violation: { check: 'device-not-on-lru', steps: 3, counterexample: `${stem}.json` },
    });
    expect(summary.states).toBeGreaterThan(0);
    // Depths 0-2 whole, then the part of depth 3 reached before the violation: they add up to the states.
    expect(summary.frontier).toEqual([1, expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(summary.partial).toBe(true);
    expect((summary.frontier as number[]).reduce((a, b) => a + b, 0)).toBe(summary.states);
  });

  it('replays: the failure reproduces', async () => {
    const replay = await runMain('replay', `${stem}.json`);
    expect(replay.code).toBe(1);
    expect(replay.out).toContain('replay: reproduced: device-not-on-lru');
  });

  it('prints no line wider than 80 columns, the counterexample included', () => {
    expect(run.out).toContain('Steps (3, shortest');
    expect(wide(run.out)).toEqual([]);
  });
});

describe('zdspec explore: a proposal file', () => {
  it('writes a counterexample that replays with --allow-proposal-file from anywhere', async () => {
    const file = join(dir, 'crash.mjs');
    writeFileSync(
      file,
      `export default { name: 'crash', title: 't', source: 's', extends: 'upstream',
      hooks: { folio_is_longterm_pinnable: () => { throw new Error('oops in hook'); } } };`,
    );
    const out = join(dir, 'f', 'reports');
    const found = await runMain('explore', file, '--depth', '2', '--ops', 'mmap,pin_user_pages', '-o', out);
    expect(found.code).toBe(1);
    expect(found.out).toContain('violation: proposal-crashed after 2 steps');
    const json = join(out, 'crash.proposal-crashed.json');
    // The trace names the file relative to itself, where replay looks for it.
    expect(readJson(json).proposal).toBe('../../crash.mjs');
    expect(readFileSync(join(out, 'crash.proposal-crashed.txt'), 'utf8')).toMatch(/zdspec replay \S+crash\.proposal-crashed\.json \\?\s*--allow-proposal-file/);
    const replay = await runMain('replay', json, '--allow-proposal-file');
    expect([replay.code, replay.out]).toEqual([1, expect.stringContaining('replay: reproduced: proposal-crashed')]);
  });
});

describe('zdspec explore: a hook that never returns', () => {
  it('is a proposal-timeout finding naming the step, not a search that hangs', async () => {
    const file = join(dir, 'hang.mjs');
    writeFileSync(
      file,
      `export default { name: 'hang', title: 't', source: 's', extends: 'upstream',
      hooks: { folio_is_longterm_pinnable: () => { for (;;) {} } } };`,
    );
    const out = join(dir, 'hang-reports');
    const found = await runMain('explore', file, '--depth', '2', '--ops', 'mmap,pin_user_pages', '--hook-time-limit', '50ms', '-o', out);
    expect(found.code).toBe(1);
    expect(found.out).toContain('violation: proposal-timeout after 2 steps');
    expect(readFileSync(join(out, 'hang.proposal-timeout.txt'), 'utf8')).toContain('pin_user_pages');
  });
});

describe('zdspec explore: bad input', () => {
  const notADir = join(dir, 'not-a-dir');
  writeFileSync(notADir, 'a file\n');
  const narrow = ['--depth', '1', '--ops', 'mmap'];
  const cases: [string, string[], string][] = [
    ['--depth 0', ['upstream', '--depth', '0'], "--depth: expected an integer ≥ 1, got '0'"],
    ['--depth x', ['upstream', '--depth', 'x'], "--depth: expected an integer ≥ 1, got 'x'"],
    ['--pages 0', ['upstream', '--pages', '0'], "--pages: expected an integer ≥ 1, got '0'"],
    ['--pages 99', ['upstream', '--pages', '99'], '--pages: expected at most 8, got 99'],
    ['--procs -1', ['upstream', '--procs', '-1'], "--procs: expected an integer ≥ 1, got '-1'"],
    ['--values 1.5', ['upstream', '--values', '1.5'], "--values: expected an integer ≥ 1, got '1.5'"],
    ['--max-states 0', ['upstream', '--max-states', '0'], "--max-states: expected an integer ≥ 1, got '0'"],
    ['--max-memory 12q', ['upstream', '--max-memory', '12q'], "--max-memory: expected a size like 512m or 2g (k, m, g: KiB, MiB, GiB; a bare number is bytes), got '12q'"],
    ['--max-memory 10', ['upstream', '--max-memory', '10'], "--max-memory: expected a size of at least 1m (a bare number is bytes), like 512m or 2g, got '10'"],
    ['--max-memory 1000g', ['upstream', '--max-memory', '1000g'], '--max-memory: expected at most '],
    ['--ops nosuchop', ['upstream', '--ops', 'nosuchop'], "--ops: unknown operation 'nosuchop'; operations: memremap_pages, memunmap_pages,"],
    ['--ops pin_user_page', ['upstream', '--ops', 'mmap,pin_user_page'], "--ops: unknown operation 'pin_user_page' (did you mean 'pin_user_pages'?)"],
    ['--ops ,', ['upstream', '--ops', ','], "--ops: expected operation names (comma-separated), got ','"],
    ['--types NOPE', ['upstream', '--types', 'NOPE'], "--types: unknown memory type 'NOPE'; types: PRIVATE, COHERENT,"],
    ['--types not in the era', ['hmm-v4.14', '--types', 'PRIVATE,COHERENT'], '--types: hmm-v4.14 (era v4.14) has no memory type COHERENT; its types: HOST, PRIVATE, PUBLIC'],
    [
      '--ops an op the era never runs',
      ['hmm-v4.14', '--ops', 'mmap,make_device_exclusive'],
      '--ops: hmm-v4.14 (era v4.14, types HOST, PRIVATE, PUBLIC) never runs make_device_exclusive: the era has no such call, refuses every one, or has no memory it moves',
    ],
    ['--ops an op the types never run', ['upstream', '--types', 'FS_DAX', '--ops', 'migrate_to_device'], '--ops: upstream (era upstream, types FS_DAX) never runs migrate_to_device:'],
    ['--thread-ops without --threads', ['upstream', '--thread-ops', 'fork'], '--thread-ops: only with --threads'],
    ['--thread-ops mmap', ['upstream', '--threads', '--thread-ops', 'fork,mmap'], '--thread-ops: mmap cannot run as a thread; only cpu_read, cpu_write,'],
    ['--thread-ops nosuchop', ['upstream', '--threads', '--thread-ops', 'nosuchop'], "--thread-ops: unknown operation 'nosuchop'; operations:"],
    ['--invariant nosuch', ['upstream', '--invariant', 'nosuch'], "--invariant: unknown check 'nosuch'; ids: private-not-cpu-mapped,"],
    ['--invariant ""', ['upstream', '--invariant', ''], "--invariant: expected check ids (comma-separated), got ''"],
    ['an unknown built-in', ['upstrem'], "proposal 'upstrem': (name): not a built-in proposal (did you mean 'upstream'?)"],
    ['a missing proposal file', [join(dir, 'nope.ts')], `${join(dir, 'nope.ts')}: (file): file not found`],
  ];

  it.each(cases)('%s: exit 2, the option and what was expected, nothing written', async (name, args, message) => {
    const out = join(dir, `bad-${name.replace(/\W+/g, '_')}`);
    // Narrowed, should the input pass by mistake: a later --depth wins, --ops adds up.
    const { code, out: text, err } = await runMain('explore', '--depth', '1', ...(args.includes('--ops') ? [] : ['--ops', 'mmap']), ...args, '-o', out);
    expect(code).toBe(2);
    expect(err).toContain(`zdspec: ${message}`);
    expect(err).not.toContain('internal error');
    expect(text).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('a --report-dir that is a file: exit 2 before the search, the file untouched', async () => {
    const { code, out, err } = await runMain('explore', 'upstream', ...narrow, '-o', notADir);
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain(`zdspec: --report-dir ${notADir}: exists and is not a directory`);
    expect(readFileSync(notADir, 'utf8')).toBe('a file\n');
    const under = await runMain('explore', 'upstream', ...narrow, '-o', join(notADir, 'sub'));
    expect([under.code, under.err]).toEqual([2, expect.stringContaining(`zdspec: --report-dir ${join(notADir, 'sub')}: cannot create it`)]);
  });
});
