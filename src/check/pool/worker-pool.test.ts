// The pool watches its workers' runs (run-watch.ts): a worker past a run's
// deadline is replaced and its job run again under guard.ts's watchdog.
// The reports must be those of a search guarded by the watchdog from the
// start (the re-run's own outcome): the same findings, each reported once,
// and no shrinking candidate left over for a finding already reported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckJob } from './check-job.ts';
import type { FromWorker } from './messages.ts';
import { runPool } from './worker-pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-worker-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Seed 6 finds no-longterm-pin-coherent (pinnable is always true) first,
// then reaches the looping dax_layout_busy_page: a hang after findings the
// first attempt has already reported.
const file = join(dir, 'finds-then-hangs.mjs');
writeFileSync(
  file,
  "export default { name: 'finds-then-hangs', title: 't', source: 's', extends: 'upstream',\n  hooks: { folio_is_longterm_pinnable: () => true, dax_layout_busy_page: () => { for (;;) {} } } };\n",
);
const options = { seed: 6, runs: 1000, maxCommands: 20, hookTimeLimitMs: 20 };

describe('runPool: a run past its deadline', () => {
  it('is run again under the watchdog, with the findings of a search guarded from the start, each reported once', async () => {
    const job: CheckJob = { index: 0, load: file, given: file, traceProposal: file, isFile: true, stem: 'finds-then-hangs', reportDir: dir, generated: 'now', options };
    const messages: FromWorker[] = [];
    const reruns: number[] = [];
    await runPool(
      [job],
      1,
      (m) => messages.push(m),
      undefined,
      undefined,
      (j) => reruns.push(j.index),
    ).finished;
    // The hang was met watched, then the search ran again unwatched: once.
    expect(reruns).toEqual([0]);
    const findings = messages.flatMap((m) => (m.type === 'finding' ? [m.counterexample] : []));
    // A finding first, the hang last, each check reported once (which others
    // the seed reaches before the hang depends on the command mix).
    const checks = findings.map((cx) => cx.check);
    expect(checks[0]).toBe('no-longterm-pin-coherent');
    expect(checks.at(-1)).toBe('proposal-timeout');
    expect(new Set(checks).size).toBe(checks.length);
    // The outcome is the re-run's: a search guarded by the watchdog from its
    // start. The first finding reported came from the watched attempt; it
    // must be the one the guarded search found, steps and all.
    const done = messages.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.outcome.found.map((cx) => [cx.check, cx.steps])).toEqual(findings.map((cx) => [cx.check, cx.steps]));
    // A check's shrinking candidates all come before its finding.
    const at = (check: string) => messages.findIndex((m) => m.type === 'finding' && m.counterexample.check === check);
    const late = messages.filter((m, i) => m.type === 'candidate' && at(m.check) >= 0 && i > at(m.check));
    expect(late).toEqual([]);
  }, 30_000);
});
