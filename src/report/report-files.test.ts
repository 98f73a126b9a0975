// The report files keep their promises on real counterexamples found by the
// checker and on adversarial ones: every line of every .txt fits 80
// columns, its replay commands paste into a shell as the commands they wrap,
// and every table of every .md keeps the header's number of cells when a
// real Markdown parser (micromark with GFM tables) reads it. Small budgets
// and fixed seeds: the whole file takes a few seconds.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import hookDoSwapPage from '../../models/mutants/hook-do-swap-page.ts';
import { checkProposal, type CheckOptions } from '../check/check-proposal.ts';
import { ALL_CHECKS, isSelectableCheck, type SelectableCheck } from '../check/checks.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { loadProposal } from '../proposals/load-proposal.ts';
import { columns } from './columns.ts';
import { mdTableRows } from './testing/md-table-rows.ts';
import { shellArgv } from './testing/shell-argv.ts';
import { writeCounterexample, type WrittenCounterexample } from './write-counterexample.ts';

interface Case {
  readonly label: string;
  readonly cx: Counterexample;
  readonly proposal: ResolvedProposal;
  readonly written: WrittenCounterexample;
}

const root = mkdtempSync(join(tmpdir(), 'zdspec-report-files-'));
// A deeply nested directory with long names, for the proposal files and
// their reports: paths far longer than a line, in every replay command.
const deep = join(root, ...Array.from({ length: 5 }, (_, i) => `level-${i}-of-a-directory-tree-with-long-names`));
const LONG_NAME = `a-proposal-file-whose-name-is-far-longer-than-any-line-${'x'.repeat(80)}`;
// 300 characters, with what breaks layouts: an unbreakable run, a pipe,
// backticks, a newline.
const LONG_MESSAGE = `hook state | \`folio->pgmap\` was ${'0123456789abcdef'.repeat(12)}\nand then ${'it broke, '.repeat(10)}`.slice(0, 300);

function proposalFile(name: string, hook: string): string {
  const file = join(deep, `${name}.mjs`);
  writeFileSync(
    file,
    `export default {\n  name: ${JSON.stringify(name)},\n` +
      `  title: ${JSON.stringify(`mm/gup: let FOLL_LONGTERM|FOLL_WRITE pin \`coherent\` pages ${'(and-so-on)'.repeat(12)} v2`)},\n` +
      `  source: ${JSON.stringify(`https://lore.kernel.org/linux-mm/${'20240611-very-long-message-id'.repeat(4)}@example.org/`)},\n` +
      `  extends: 'upstream',\n  hooks: { folio_is_longterm_pinnable: ${hook} },\n};\n`,
  );
  return file;
}

const cases: Case[] = [];

function add(label: string, proposal: ResolvedProposal, options: CheckOptions, dir: string): void {
  const cx = checkProposal(proposal, options).counterexample;
  if (cx === undefined) throw new Error(`${label}: no counterexample (the seed or budget no longer finds one)`);
  cases.push({ label, cx, proposal, written: writeCounterexample(cx, proposal, dir, '2026-01-01T00:00:00.000Z') });
}

beforeAll(async () => {
  const reports = join(root, 'reports');
  const budget = { runs: 100, maxCommands: 30 };
  // Real counterexamples of the built-ins that break invariants on purpose,
  // full and partial selections (a partial one lists its checks as --invariant).
  add('cdm-numa-rfc', resolveBuiltin('cdm-numa-rfc'), { seed: 4242, ...budget }, reports);
  add('hmm-v4.14', resolveBuiltin('hmm-v4.14'), { seed: 4242, ...budget }, reports);
  add('coherent-v1', resolveBuiltin('coherent-v1'), { seed: 1, ...budget }, reports);
  add('cdm-numa-rfc refinement', resolveBuiltin('cdm-numa-rfc'), { seed: 4242, ...budget, invariants: ['refinement'] }, reports);
  // As `check --all` finds it in its second round: every check but the first one found.
  add('cdm-numa-rfc round 2', resolveBuiltin('cdm-numa-rfc'), { seed: 4242, ...budget, invariants: ALL_CHECKS.filter((c) => c !== 'device-not-on-lru') }, reports);
  add('hmm-v4.14 memcg', resolveBuiltin('hmm-v4.14'), { seed: 4243, ...budget, invariants: ['memcg-target', 'memcg-charge-conserved'] }, reports);
  // A race (check --threads): the interleaving printed as two columns.
  add(
    'hook-do-swap-page threads',
    resolveProposal(hookDoSwapPage.proposal),
    { seed: 2, runs: 600, maxCommands: 30, invariants: ['free-once'], ...(hookDoSwapPage.focus ? { focus: hookDoSwapPage.focus } : {}) },
    reports,
  );

  // Adversarial: proposal files deep in long-named directories, with a long
  // title and source, reported there too.
  mkdirSync(deep, { recursive: true });
  const pinAnything = proposalFile(LONG_NAME, '() => true');
  add(
    'long path, partial selection',
    await loadProposal(pinAnything),
    {
      seed: 1,
      runs: 300,
      maxCommands: 25,
      proposalSpec: pinAnything,
      invariants: ['refcount-expected', 'free-once', 'no-use-after-free', 'no-longterm-pin-coherent', 'pinned-not-migrated', 'memcg-charge-conserved'],
    },
    deep,
  );
  const throws = proposalFile(`${LONG_NAME}-throws`, `() => { throw new Error(${JSON.stringify(LONG_MESSAGE)}); }`);
  add(
    'hook throws a 300-character message',
    await loadProposal(throws),
    { seed: 20240611, runs: 300, proposalSpec: throws, invariants: ['no-longterm-pin-coherent', 'refinement', 'data-preserved'] },
    deep,
  );
  // Seconds of work when the machine is idle; room for a loaded one.
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The Replay section of a text report as pasted into a shell: each command's words. */
const pastedReplay = (txt: string): string[][] => shellArgv(txt.slice(txt.indexOf('\nReplay:\n') + '\nReplay:\n'.length));

/** A `zdspec check` replay command's words as check options, the way the CLI reads them. */
function replayOptions(argv: readonly string[]): CheckOptions {
  const [verb, proposalSpec, ...rest] = argv;
  expect(verb).toBe('check');
  const invariants: SelectableCheck[] = [];
  let options: CheckOptions = { ...(proposalSpec === undefined ? {} : { proposalSpec }) };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value = ''] = [rest[i], rest[i + 1]];
    if (flag === '--seed') options = { ...options, seed: Number(value) };
    else if (flag === '--path') options = { ...options, path: value };
    else if (flag === '--max-commands') options = { ...options, maxCommands: Number(value) };
    else if (flag === '--invariant' && isSelectableCheck(value)) invariants.push(value);
    else throw new Error(`unexpected replay option ${flag} ${value}`);
  }
  return invariants.length > 0 ? { ...options, invariants } : options;
}

describe('counterexample report files', () => {
  it('cover the variety they must survive', () => {
    const checks = new Set(cases.map((c) => c.cx.check));
    expect(checks.size).toBeGreaterThanOrEqual(5);
    expect(checks).toContain('refinement');
    expect(checks).toContain('proposal-crashed');
    const crashed = cases.find((c) => c.cx.check === 'proposal-crashed');
    expect(LONG_MESSAGE).toHaveLength(300);
    expect(crashed?.cx.finding.message).toContain(LONG_MESSAGE);
    // A replay command that needs wrapping, and one with a partial selection.
    expect(cases.some((c) => columns(c.cx.replay) > 160)).toBe(true);
    expect(cases.some((c) => c.cx.replay.includes('--invariant'))).toBe(true);
    // A report path longer than two lines.
    expect(cases.some((c) => columns(c.written.json) > 160)).toBe(true);
    // A race: two threads, their steps marked in the JSON, two columns in the text, --threads in the replay command.
    const race = cases.find((c) => c.label === 'hook-do-swap-page threads');
    expect(race?.cx.steps.filter((r) => r.step.thread !== undefined).map((r) => r.step.thread?.kind)).toEqual(['start', 'resume']);
    expect(readFileSync(race?.written.txt ?? '', 'utf8')).toMatch(/\nInterleaving \(one column per thread; t0 runs the steps without a thread\):\nstep {2}t0 \(main\) +t1\n/);
    expect(race?.cx.replay).toContain(' --threads');
  });

  it('.txt: every line fits 80 columns', () => {
    for (const { label, written } of cases) {
      const lines = readFileSync(written.txt, 'utf8').split('\n');
      const over = lines.filter((line) => columns(line) > 80);
      expect(over, label).toEqual([]);
    }
  });

  it('.txt: the wrapped replay commands paste into a shell as the commands themselves', () => {
    for (const { label, cx, written } of cases) {
      const [replay, check, ...more] = pastedReplay(readFileSync(written.txt, 'utf8'));
      expect(more, label).toEqual([]);
      expect(replay?.slice(0, 2), label).toEqual(['replay', written.json]);
      expect(check, label).toEqual(shellArgv(cx.replay)[0]);
    }
  });

  it('.txt: the replay command of a partial selection re-runs to the same counterexample', async () => {
    const found = cases.find((c) => c.label === 'long path, partial selection');
    if (found === undefined) throw new Error('no long-path case');
    const { cx, proposal, written } = found;
    const [, argv = []] = pastedReplay(readFileSync(written.txt, 'utf8'));
    const options = replayOptions(argv);
    expect(options.proposalSpec).toBe(cx.proposal);
    expect(options.maxCommands).toBe(25);
    const again = checkProposal(await loadProposal(options.proposalSpec ?? ''), options).counterexample;
    expect(again?.check).toBe(cx.check);
    expect(again?.trace).toEqual(cx.trace);
    expect(proposal.name).toBe(LONG_NAME);
  });

  it('.md: every table row has as many cells as its header, read by micromark', () => {
    for (const { label, written } of cases) {
      const md = readFileSync(written.md, 'utf8');
      const tables = mdTableRows(md);
      expect(tables.length, label).toBeGreaterThan(0);
      for (const [header, ...rows] of tables) {
        expect(rows.length, label).toBeGreaterThan(0);
        expect(rows, label).toEqual(rows.map(() => header));
      }
    }
    const pipes = cases.filter(({ written }) => /PROT_READ\\?\|PROT_WRITE|FOLL_LONGTERM\\?\|FOLL_WRITE/.test(readFileSync(written.md, 'utf8')));
    expect(pipes.length, 'no report has a call with a flag pipe in its table').toBeGreaterThan(0);
  });
});
