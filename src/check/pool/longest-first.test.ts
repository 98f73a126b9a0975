// Longest first: by the last run's durations, unknown jobs first, ties in
// plan order; a missing or broken summary only loses the ordering.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckJob } from './check-job.ts';
import { longestFirst, previousDurations } from './longest-first.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-longest-first-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const job = (index: number, given: string) => ({ index, given }) as CheckJob;
const jobs = [job(0, 'hmm-v4.14'), job(1, 'upstream'), job(2, 'v6.1'), job(3, './mine.ts'), job(4, 'coherent-v1')];

describe('longest first', () => {
  it('orders by the previous durations, descending; unknown first; ties in plan order', () => {
    const durations = new Map([
      ['hmm-v4.14', 900],
      ['upstream', 20_000],
      ['v6.1', 20_000],
      ['coherent-v1', 3_000],
    ]);
    expect(longestFirst(jobs, durations)).toEqual([3, 1, 2, 4, 0]);
    expect(longestFirst(jobs, new Map())).toEqual([0, 1, 2, 3, 4]);
  });

  it("reads a report directory's summary.json; none, or an unreadable one, gives no durations", () => {
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ proposals: [{ proposal: 'upstream', elapsedMs: 12 }, { proposal: 'v6.1' }] }));
    expect([...previousDurations(dir)]).toEqual([['upstream', 12]]);
    writeFileSync(join(dir, 'summary.json'), '{ not json');
    expect(previousDurations(dir).size).toBe(0);
    expect(previousDurations(join(dir, 'absent')).size).toBe(0);
  });
});
