// `zdspec check --shard i/n` and `zdspec merge-reports OUT DIR...` end to
// end: two shards merged give what one unsharded run of the same proposals,
// seed and options gives (verdicts, counterexample files, junit testcases,
// semantic coverage), the judge's exit code when the shards ran with
// --judge, and every bad input is exit 2 naming what is wrong. Three small
// check runs (the shards' copies, edited, serve the bad-input cases).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from '../report/columns.ts';
import { runMain } from './testing/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zdspec = runMain;
const at = (name: string) => join(dir, name);

// Three built-ins, two of which break no-longterm-pin-coherent on purpose (their
// headers say so): a few seconds.
const PROPOSALS = ['coherent-v1', 'upstream', 'hmm-v4.14'];
const OPTIONS = ['--seed', '10', '--runs', '40', '--max-commands', '15', '--workers', '1', '--invariant', 'no-longterm-pin-coherent', '--judge', '--quiet'];

interface Summary {
  seed: number;
  options: Record<string, unknown>;
  shard?: { index: number; count: number; plan: string[]; jobs: number[] };
  merged?: { inputs: { dir: string; shard?: string }[]; renamed: { from: string; to: string }[] };
  interrupted?: { signal: string; finish: string };
  proposals: { proposal: string; status: string; verdicts: Record<string, string>; counterexamples: { check: string; files: { txt: string } }[] }[];
}
const summary = (d: string): Summary => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8'));
const verdicts = (d: string) => summary(d).proposals.map((p) => [p.proposal, p.verdicts]);
const counterexampleFiles = (d: string) => readdirSync(d).filter((f) => /\.(txt|md|json)$/.test(f) && !/^(summary|semantic-coverage)\.|^\./.test(f));
/** Each testcase as classname, name and what it holds (failure, skipped or nothing); times aside. */
const testcases = (d: string) =>
  [...readFileSync(join(d, 'junit.xml'), 'utf8').matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>\s*<(\w+))/g)].map((m) => `${m[1]} ${m[2]} ${m[4] ?? 'passed'}`);
const semantic = (d: string) => {
  const { generated: _, ...rest } = JSON.parse(readFileSync(join(d, 'semantic-coverage.json'), 'utf8'));
  return rest;
};

/** A copy of a report directory with its summary.json edited. */
function edited(from: string, name: string, edit: (s: Summary) => void): string {
  const to = at(name);
  cpSync(from, to, { recursive: true });
  const s = summary(to);
  edit(s);
  writeFileSync(join(to, 'summary.json'), JSON.stringify(s, null, 2));
  return to;
}

beforeAll(async () => {
  const all = await zdspec('check', ...PROPOSALS, ...OPTIONS, '--report-dir', at('all'));
  const one = await zdspec('check', ...PROPOSALS, ...OPTIONS, '--shard', '1/2', '--report-dir', at('1'));
  const two = await zdspec('check', ...PROPOSALS, ...OPTIONS, '--shard', '2/2', '--report-dir', at('2'));
  // --judge: the built-ins break what their headers say they break.
  expect([all.code, one.code, two.code, all.err + one.err + two.err]).toEqual([0, 0, 0, '']);
}, 60_000);

describe('zdspec check --shard', () => {
  it('deals the plan round-robin and records the shard and its jobs', () => {
    expect(summary(at('1')).shard).toEqual({ index: 1, count: 2, plan: PROPOSALS, jobs: [1, 3] });
    expect(summary(at('2')).shard).toEqual({ index: 2, count: 2, plan: PROPOSALS, jobs: [2] });
    expect(summary(at('1')).proposals.map((p) => p.proposal)).toEqual(['coherent-v1', 'hmm-v4.14']);
    expect(readFileSync(at('1/summary.txt'), 'utf8')).toContain('Shard 1/2: jobs 1, 3 of 3 (coherent-v1, hmm-v4.14).');
  });

  it('runs nothing in a shard beyond the plan, says so and exits 0 (with --judge too)', async () => {
    const r = await zdspec('check', 'coherent-v1', 'upstream', '--seed', '1', '--judge', '--shard', '3/3', '--report-dir', at('empty'));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('zdspec check: shard 3/3 has no job (the plan has 2): nothing checked');
    expect(summary(at('empty'))).toMatchObject({ shard: { index: 3, count: 3, jobs: [] }, proposals: [] });
    expect(readFileSync(at('empty/summary.txt'), 'utf8')).toContain('Shard 3/3: no job (the plan has 2; shards beyond it run nothing).');
  });

  it.each([
    ['0/2', "--shard: expected i/n, this machine's share of n, with 1 ≤ i ≤ n (e.g. 1/3), got '0/2'"],
    ['3/2', "got '3/2'"],
    ['x', "got 'x'"],
  ])('refuses --shard %s (exit 2)', async (value, message) => {
    const r = await zdspec('check', 'upstream', '--seed', '1', '--shard', value, '--report-dir', at('bad-shard'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('refuses --shard without --seed: the shards would search with different seeds', async () => {
    const r = await zdspec('check', 'upstream', '--shard', '1/2', '--report-dir', at('bad-shard'));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('--shard needs --seed')]);
  });
});

describe('zdspec merge-reports', () => {
  it('merges --shard 1/2 and 2/2 into what one unsharded run writes', async () => {
    const r = await zdspec('merge-reports', at('merged'), at('1'), at('2'));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('zdspec merge-reports: 2 reports (shards 1/2, 2/2), 3 proposals, seed 10');
    expect(r.out).toContain('judge: 3 built-ins judged, every verdict matches its header');
    expect(verdicts(at('merged'))).toEqual(verdicts(at('all')));
    expect(verdicts(at('merged')).some(([, v]) => Object.values(v as object).includes('violated'))).toBe(true);
    expect(counterexampleFiles(at('merged')).sort()).toEqual(counterexampleFiles(at('all')).sort());
    expect(testcases(at('merged'))).toEqual(testcases(at('all')));
    expect(testcases(at('merged')).filter((t) => t.endsWith('failure')).length).toBeGreaterThan(0);
    expect(semantic(at('merged'))).toEqual(semantic(at('all')));
    const merged = summary(at('merged'));
    expect(merged.options).toEqual(summary(at('all')).options);
    expect(merged.options.judge).toBe(true);
    expect(merged.merged?.inputs.map((i) => i.shard)).toEqual(['1/2', '2/2']);
    expect(merged.shard).toBeUndefined();
    // The counterexamples name their new place, and still fit 80 columns.
    const cx = merged.proposals[0]?.counterexamples[0];
    if (cx === undefined) throw new Error('coherent-v1 found nothing');
    const text = readFileSync(cx.files.txt, 'utf8');
    expect(text).toContain(join(at('merged'), 'coherent-v1.no-longterm-pin-coherent.json'));
    expect(text).not.toContain(at('1'));
    for (const f of counterexampleFiles(at('merged')).filter((n) => n.endsWith('.txt'))) {
      expect(
        readFileSync(at(`merged/${f}`), 'utf8')
          .split('\n')
          .filter((l) => columns(l) > 80),
        f,
      ).toEqual([]);
    }
    expect(
      readFileSync(at('merged/summary.txt'), 'utf8')
        .split('\n')
        .filter((l) => columns(l) > 80),
    ).toEqual([]);
    expect(readFileSync(at('merged/index.html'), 'utf8')).toContain('coherent-v1 violates no-longterm-pin-coherent');
  });

  it("honours the shards' --judge: without it a violation is exit 1", async () => {
    const drop = (s: Summary) => void delete s.options.judge;
    const r = await zdspec('merge-reports', at('merged-nojudge'), edited(at('1'), 'nojudge-1', drop), edited(at('2'), 'nojudge-2', drop));
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('judge:');
  });

  it('keeps both of two files of the same name, the second as <stem>-2, and says so', async () => {
    const again = at('all-again');
    cpSync(at('all'), again, { recursive: true });
    const r = await zdspec('merge-reports', at('twice'), at('all'), again);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`merge-reports: ${join(again, 'coherent-v1')}.* had a name another report had: kept as coherent-v1-2.*`);
    const files = counterexampleFiles(at('twice'));
    expect(files).toContain('coherent-v1.no-longterm-pin-coherent.txt');
    expect(files).toContain('coherent-v1-2.no-longterm-pin-coherent.txt');
    expect(files).toHaveLength(2 * counterexampleFiles(at('all')).length);
    expect(summary(at('twice')).proposals).toHaveLength(6);
    expect(summary(at('twice')).merged?.renamed).toContainEqual({ from: join(again, 'coherent-v1'), to: 'coherent-v1-2' });
  });

  it('merges an interrupted shard and marks the result interrupted (exit 1)', async () => {
    const cut = edited(at('2'), 'interrupted-2', (s) => {
      s.interrupted = { signal: 'SIGINT', finish: 'zdspec check upstream --seed 1 --report-dir r/finish' };
      if (s.proposals[0]) s.proposals[0].status = 'interrupted';
    });
    const r = await zdspec('merge-reports', at('merged-cut'), at('1'), cut);
    expect(r.code).toBe(1);
    expect(r.out).toContain('merge-reports: interrupted by SIGINT: unfinished proposals hold nothing; to finish them: zdspec check upstream');
    expect(summary(at('merged-cut')).interrupted?.signal).toBe('SIGINT');
    expect(readFileSync(at('merged-cut/summary.txt'), 'utf8')).toContain('INTERRUPTED by SIGINT');
  });

  it('refuses what is not the reports of one check (exit 2, naming the field)', async () => {
    mkdirSync(at('not-a-report'));
    const cases: [string[], string][] = [
      [[at('nowhere')], `merge-reports: ${at('nowhere')}: no such directory`],
      [[at('not-a-report')], `merge-reports: ${at('not-a-report')}: not a zdspec report directory (no summary.json`],
      [[at('1'), edited(at('2'), 'runs', (s) => void (s.options.runs = 41))], `${at('runs/summary.json')}: options.runs is 41, but ${at('1/summary.json')} has 40`],
      [[at('1'), edited(at('2'), 'seed', (s) => void (s.seed = 3))], `${at('seed/summary.json')}: seed is 3, but ${at('1/summary.json')} has 10`],
      [[at('1'), edited(at('2'), 'version', (s) => void Object.assign(s, { zdspec: '0.0.1' }))], `${at('version/summary.json')}: zdspec is "0.0.1"`],
      [[at('1'), at('all')], `${at('all/summary.json')}: no shard, but ${at('1/summary.json')} is shard 1/2`],
      [[at('1'), edited(at('1'), 'one-again', () => {})], `merge-reports: shard 1/2 given twice: ${at('1')} and ${at('one-again')}`],
      [[at('1')], 'merge-reports: shard 2/2 missing (given: 1/2)'],
      [
        [edited(at('1'), 'of-3-1', (s) => void (s.shard!.count = 3)), edited(at('2'), 'of-3-3', (s) => void Object.assign(s.shard!, { index: 3, count: 3 }))],
        'merge-reports: shard 2/3 missing (given: 1/3, 3/3)',
      ],
      [[at('1'), edited(at('2'), 'bad-runs', (s) => void Object.assign(s.proposals[0]!, { runs: 'many' }))], `${at('bad-runs/summary.json')}: proposals[0].runs: expected a number, got "many"`],
    ];
    for (const [inputs, message] of cases) {
      const r = await zdspec('merge-reports', at('refused'), ...inputs);
      expect([r.code, r.err], inputs.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
    expect(existsSync(at('refused'))).toBe(false);
    const same = await zdspec('merge-reports', at('refused'), at('1'), `${at('1')}/`);
    expect([same.code, same.err]).toEqual([2, expect.stringContaining(`merge-reports: ${at('1')}/ given twice`)]);
    const self = await zdspec('merge-reports', at('1'), at('1'), at('2'));
    expect([self.code, self.err]).toEqual([2, expect.stringContaining(`merge-reports: ${at('1')} is also an input`)]);
    const lost = at('lost-file');
    cpSync(at('1'), lost, { recursive: true });
    rmSync(join(lost, 'coherent-v1.no-longterm-pin-coherent.json'));
    const missing = await zdspec('merge-reports', at('refused'), lost, at('2'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining(`${join(lost, 'coherent-v1.no-longterm-pin-coherent.json')}: no such file (summary.json names it`)]);
  });
});
