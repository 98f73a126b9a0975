// The judge compares found verdicts with the headers, and only it reads them:
// a summary that matches passes; editing one header line makes it fail; an
// unfinished search never passes for "holds".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROPOSALS } from '../../models/proposals/registry.ts';
import { ALL_CHECKS } from '../check/checks.ts';
import { InputError } from '../cli/bad-input.ts';
import { main } from '../cli/main.ts';
import { judgeSummary, type SummaryRow } from './judge-summary.ts';

/** A summary row that says exactly what the built-in's header expects. */
const asExpected = (name: string): SummaryRow => {
  const b = BUILTIN_PROPOSALS.find((x) => x.name === name)!;
  return { proposal: name, status: 'done', verdicts: Object.fromEntries(ALL_CHECKS.map((c) => [c, c === 'refinement' ? (b.refinement?.verdict ?? 'holds') : b.expected[c]])) };
};

describe('judgeSummary', () => {
  const rows = BUILTIN_PROPOSALS.map((b) => asExpected(b.name));

  it('passes a run whose verdicts are the headers', () => {
    expect(judgeSummary(rows, BUILTIN_PROPOSALS)).toEqual({ judged: BUILTIN_PROPOSALS.map((b) => b.name), skipped: [], mismatches: [] });
  });

  it('fails when one header line is edited', () => {
    const edited = BUILTIN_PROPOSALS.map((b) => (b.name === 'coherent-v1' ? { ...b, expected: { ...b.expected, 'no-longterm-pin-coherent': 'holds' as const } } : b));
    expect(judgeSummary(rows, edited).mismatches).toEqual([{ proposal: 'coherent-v1', check: 'no-longterm-pin-coherent', expected: 'holds', found: 'violated' }]);
  });

  it('fails an unfinished verdict, a proposal fault, and skips proposals without a header', () => {
    const up = asExpected('upstream');
    const j = judgeSummary(
      [
        { ...up, verdicts: { ...up.verdicts, 'free-once': 'unfinished', 'proposal-crashed': 'violated' } },
        { proposal: './mine.ts', verdicts: {} },
      ],
      BUILTIN_PROPOSALS,
    );
    expect(j.mismatches).toEqual([
      { proposal: 'upstream', check: 'free-once', expected: 'holds', found: 'unfinished' },
      { proposal: 'upstream', check: 'proposal-crashed', expected: 'not found', found: 'violated' },
    ]);
    expect(j.skipped).toEqual(['./mine.ts']);
  });

  it('judges exactly the built-ins a summary has (a CI shard), and refuses one with none', () => {
    const shard = [asExpected('v6.2'), asExpected('coherent-v1'), { proposal: './mine.ts', verdicts: { 'free-once': 'violated' } }];
    expect(judgeSummary(shard, BUILTIN_PROPOSALS)).toEqual({ judged: ['v6.2', 'coherent-v1'], skipped: ['./mine.ts'], mismatches: [] });
    expect(() => judgeSummary([{ proposal: './mine.ts', verdicts: {} }], BUILTIN_PROPOSALS)).toThrow(InputError);
    expect(() => judgeSummary([], BUILTIN_PROPOSALS)).toThrow(/no built-in proposal in the summary to judge \(it has no proposals\)/);
  });
});

describe('zdspec judge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zdspec-judge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const judge = async (proposals: unknown) => {
    const file = join(dir, `s${Math.random()}.json`);
    writeFileSync(file, JSON.stringify({ proposals }));
    let out = '';
    const code = await main(['judge', file], { out: (t) => void (out += t), err: (t) => void (out += t), isTTY: false });
    return { code, out };
  };

  it('exits 0 when every verdict matches, 1 listing each mismatch, 2 for what is no summary', async () => {
    expect((await judge([asExpected('v6.1')])).code).toBe(0);
    const bad = await judge([{ ...asExpected('v6.1'), verdicts: { ...asExpected('v6.1').verdicts, 'data-preserved': 'violated' } }]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/v6\.1 +data-preserved +holds +violated/);
    expect((await judge('nope')).code).toBe(2);
    const missing = await main(['judge', join(dir, 'absent.json')], { out: () => undefined, err: () => undefined, isTTY: false });
    expect(missing).toBe(2);
  });

  it('judges a summary of some built-ins and says how many; one of no built-in is exit 2, saying why', async () => {
    const some = await judge([asExpected('upstream'), asExpected('cdm-numa-rfc')]);
    expect([some.code, some.out]).toEqual([0, expect.stringContaining('judge: 2 built-ins judged, every verdict matches its header')]);
    const none = await judge([{ proposal: './my-series.ts', status: 'done', verdicts: { 'free-once': 'holds' } }]);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/no built-in proposal in the summary to judge \(it has only \.\/my-series\.ts\).*without --judge/);
  });
});
