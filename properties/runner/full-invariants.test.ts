// The reference side's invariants are judged once where the two views agree
// (src/runner/views-agree.ts), and while the kernel's last view broke no
// rule a step's per-frame rules judge only the frames it touched
// (models/invariants/touched.ts): pure optimisations, so the findings must
// be exactly those of judging every frame at every step on both sides
// (fullInvariants, `--full-invariants`), for every built-in and every
// mutant, and across a save and restore.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mutantById, MUTANTS } from '../../models/mutants/catalogue.ts';
import type { Step } from '../../models/ops.ts';
import { createPair } from '../../src/runner/create-pair.ts';
import { BUILTIN_NAMES } from '../../models/proposals/registry.ts';
import { resolveBuiltin, resolveProposal } from '../../models/proposals/resolve-proposal.ts';
import { bothModes } from './full-invariants.fixtures.ts';

describe('reference-side invariants judged once where the views agree', () => {
  it.each(BUILTIN_NAMES.map((n) => [n]))('%s: the same findings as --full-invariants at every step', (name) => {
    const { fast, full } = bothModes(resolveBuiltin(name), 8, 5);
    expect(fast.length).toBeGreaterThan(100);
    expect(fast).toEqual(full);
  });

  it('every mutant: the same findings as --full-invariants at every step', () => {
    let steps = 0;
    let found = 0;
    for (const m of MUTANTS) {
      const { fast, full } = bothModes(resolveProposal(m.proposal), 1, 7, m.budget.maxCommands);
      expect(fast, m.id).toEqual(full);
      steps += fast.length;
      found += fast.filter((j) => j.invariants.length > 0).length;
    }
    // The comparison saw real findings, not only clean steps.
    expect(found).toBeGreaterThan(0);
    expect(steps).toBeGreaterThan(500);
  });
});

describe('the last verdict travels with a snapshot', () => {
  // table-public-on-lru's witness leaves a DEVICE_PUBLIC page on the LRU: a
  // standing violation a step that touches nothing else must still report,
  // after a restore to the violating state as at any other step.
  const witness = JSON.parse(readFileSync(new URL('../mutants/witnesses/table-public-on-lru.json', import.meta.url), 'utf8')) as { steps: Step[] };
  const idle: Step = { op: 'drop_caches', args: {} };

  it.each([false, true])('fullInvariants %s: the standing violation is reported after the restore', (fullInvariants) => {
    const pair = createPair(resolveProposal(mutantById('table-public-on-lru')!.proposal), { fullInvariants });
    for (const { op, args } of witness.steps) pair.step({ op, args } as Step);
    const violating = pair.save();
    const ids = (step: Step) => pair.step(step).invariants.map((f) => `${f.side} ${f.id}`);
    const standing = ids(idle);
    expect(standing).toContain('kernel device-not-on-lru');
    pair.restore(violating);
    expect(ids(idle)).toEqual(standing);
  });
});
