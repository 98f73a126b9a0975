// The checker on proposals written for the test (DESIGN §6, §9): a design
// bug is found and shrunk, the same seed gives the same report, the JSON
// counterexample replays, and a hook that throws or never returns is a
// finding, not a crash of the harness.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProposal } from '../src/check/check-proposal.ts';
import { replayCommand } from '../src/cli/verbs/replay.ts';
import { loadProposal } from '../src/proposals/load-proposal.ts';
import { writeCounterexample } from '../src/report/write-counterexample.ts';
import { runVerb } from './checker/run-verb.ts';

const dir = mkdtempSync(join(tmpdir(), 'zdspec-checker-'));

/** A proposal module on disk, as a user would write it. */
function proposalFile(name: string, hook: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `export default {\n  name: '${name}',\n  title: 'test: ${name}',\n  source: 'properties/checker.test.ts',\n` + `  extends: 'upstream',\n  hooks: { folio_is_longterm_pinnable: ${hook} },\n};\n`,
  );
  return file;
}

// Everything but the one timestamp line of each format.
const stable = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/Generated: |"generated": /.test(line))
    .join('\n');

describe('checkProposal', () => {
  const SEED = 20240611;

  it('catches a proposal whose folio_is_longterm_pinnable is always true, shrunk to a short trace', async () => {
    const file = proposalFile('pin-anything', '() => true');
    const proposal = await loadProposal(file);
    const result = checkProposal(proposal, { seed: SEED, proposalSpec: file });
    const cx = result.counterexample;
    expect(cx, 'no counterexample within the default budget').toBeDefined();
    if (cx === undefined) return;
    expect(['no-longterm-pin-coherent', 'refinement']).toContain(cx.check);
    expect(cx.steps.length).toBeLessThanOrEqual(6);
    expect(cx.steps[cx.steps.length - 1]?.step.op).toMatch(/pin_user_pages/);
    expect(cx.replay).toContain(`--seed ${SEED}`);

    // The same seed twice: the same counterexample, byte for byte bar the timestamp.
    const again = checkProposal(proposal, { seed: SEED, proposalSpec: file }).counterexample;
    expect(again?.trace).toEqual(cx.trace);
    const out = join(dir, 'reports');
    const first = writeCounterexample(cx, proposal, out, '2024-01-01T00:00:00.000Z');
    const texts = [first.txt, first.md, first.json].map((f) => readFileSync(f, 'utf8'));
    const second = writeCounterexample(again!, proposal, out, '2025-02-02T00:00:00.000Z');
    const texts2 = [second.txt, second.md, second.json].map((f) => readFileSync(f, 'utf8'));
    expect(texts2.map(stable)).toEqual(texts.map(stable));
    expect(texts2).not.toEqual(texts);

    // The plain text fits an 80-column email (bar unbreakable commands).
    for (const line of texts[0]!.split('\n')) if (!line.startsWith('  zdspec ')) expect(line.length).toBeLessThanOrEqual(80);

    // `zdspec replay` reproduces it (exit 1) ...
    const replay = await runVerb(replayCommand(), ['replay', first.json, '--allow-proposal-file']);
    expect(replay.out).toContain(`reproduced: ${cx.check}`);
    expect(replay.code).toBe(1);
    // ... and the exact re-run by seed and path gives the same trace.
    const exact = checkProposal(proposal, { seed: SEED, path: cx.path, proposalSpec: file }).counterexample;
    expect(exact?.trace).toEqual(cx.trace);
  });

  it('with shrink: false, reports the first failing run as it failed', async () => {
    const proposal = await loadProposal(proposalFile('pin-anything-unshrunk', '() => true'));
    const shrunk = checkProposal(proposal, { seed: SEED, invariants: ['no-longterm-pin-coherent'] });
    const first = checkProposal(proposal, { seed: SEED, invariants: ['no-longterm-pin-coherent'], shrink: false });
    expect(first.shrinks).toBe(0);
    expect(first.counterexample?.check).toBe('no-longterm-pin-coherent');
    expect(first.counterexample?.steps.at(-1)?.step.op).toMatch(/pin_user_pages/);
    expect(first.counterexample?.timing.runsToFirst).toBe(shrunk.counterexample?.timing.runsToFirst);
    expect(shrunk.shrinks).toBeGreaterThan(0);
    expect(first.counterexample!.steps.length).toBeGreaterThan(shrunk.counterexample!.steps.length);
  });

  it('reports a hook that throws as proposal-crashed, with its trace', async () => {
    const proposal = await loadProposal(proposalFile('throws', "() => { throw new Error('boom'); }"));
    const cx = checkProposal(proposal, { seed: SEED, runs: 300 }).counterexample;
    expect(cx?.check).toBe('proposal-crashed');
    expect(cx?.finding.message).toMatch(/folio_is_longterm_pinnable.*boom/);
    expect(cx?.steps.at(-1)?.step.op).toMatch(/pin_user_pages/);
  });

  it('reports a hook that never returns as proposal-timeout', async () => {
    const proposal = await loadProposal(proposalFile('hangs', '() => { for (;;) {} }'));
    const cx = checkProposal(proposal, { seed: SEED, runs: 300, maxCommands: 10, hookTimeLimitMs: 20 }).counterexample;
    expect(cx?.check).toBe('proposal-timeout');
    // On a loaded machine the shrunk run's last attempt may not have had the CPU: then it says so.
    expect(cx?.finding.message).toMatch(/did not return within \d+ ms of CPU time .*: a proposal hook (loops or blocks|blocks, or the machine is too busy)$/);
    expect(cx?.steps.at(-1)?.result).toBeUndefined();
    expect(cx?.steps.at(-1)?.step.op).toMatch(/pin_user_pages/);
  });
});
