// Scenarios: fixed traces with expected results (properties/scenarios/*.json,
// the trace format of src/trace/trace.ts). Every scenario runs under each of
// its `runs`: a run without `violates` must pass every check (expectations,
// refinement, invariants on both sides); a run with `violates` must first
// break that invariant on the kernel side (or the refinement check).
//
// The HMM selftest cases of ../shared/design/HMM-SELFTESTS.md each have a
// scenario per variant the suite runs (private and coherent).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProposal } from '../src/proposals/load-proposal.ts';
import type { Failure, RunReport } from '../src/runner/run-report.ts';
import { judgeScenarioRun } from '../src/runner/judge-scenario.ts';
import { runTrace } from '../src/runner/run-trace.ts';
import { parseTrace } from '../src/trace/parse-trace.ts';
import type { ScenarioRun, Trace } from '../src/trace/trace.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The selftest cases with a scenario, and the variants the suite runs them in. */
const HMM_SELFTEST_CASES: readonly { id: string; name: string; variants: readonly ('private' | 'coherent')[] }[] = [
  { id: 'HT-02', name: 'anon_read', variants: ['private', 'coherent'] },
  { id: 'HT-04', name: 'anon_write', variants: ['private', 'coherent'] },
  { id: 'HT-05', name: 'anon_write_prot', variants: ['private', 'coherent'] },
  { id: 'HT-07', name: 'anon_write_child_shared', variants: ['private', 'coherent'] },
  { id: 'HT-10', name: 'file_read', variants: ['private', 'coherent'] },
  { id: 'HT-12', name: 'migrate', variants: ['private', 'coherent'] },
  { id: 'HT-13', name: 'migrate_file_private', variants: ['private', 'coherent'] },
  { id: 'HT-16', name: 'migrate_shared', variants: ['private', 'coherent'] },
  { id: 'HT-18', name: 'migrate_multiple', variants: ['private', 'coherent'] },
  { id: 'HT-20', name: 'anon_teardown', variants: ['private', 'coherent'] },
  { id: 'HT-26', name: 'hmm_cow_in_device', variants: ['private', 'coherent'] },
  { id: 'HT-27', name: 'exclusive', variants: ['private', 'coherent'] },
];

const show = (failures: readonly Failure[]): string =>
  failures.length === 0 ? '(no failures)' : failures.map((f) => `  step ${f.step} ${f.kind}${f.id ? ` ${f.id}` : ''}${f.side ? ` (${f.side})` : ''}: ${f.message}`).join('\n');

function load(file: string): Trace | Error {
  try {
    return parseTrace(readFileSync(join(DIR, file), 'utf8'), `properties/scenarios/${file}`);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * A violating run: judgeScenarioRun (the first failing step must show the
 * named invariant, or the refinement failure), and for an invariant the
 * kernel model must be the one breaking it there (side 'kernel'). The
 * reference may break it too: under a proposal's era it allows what that
 * era allowed.
 */
function checkViolation(file: string, run: ScenarioRun, report: RunReport): void {
  const violates = run.violates as string;
  const header = `${file} under ${run.proposal} should violate ${violates}; failures:\n${show(report.failures)}`;
  expect(judgeScenarioRun(report, run), header).toBeUndefined();
  if (violates !== 'refinement') {
    const firstStep = report.failures[0]!.step;
    const hit = report.failures.some((f) => f.step === firstStep && f.kind === 'invariant' && f.side === 'kernel' && f.id === violates);
    expect(hit, `the kernel model does not break ${violates} at step ${firstStep}\n${header}`).toBe(true);
  }
}

describe('scenarios', () => {
  for (const file of FILES) {
    const trace = load(file);
    if (trace instanceof Error) {
      it(`${file} parses`, () => {
        throw trace;
      });
      continue;
    }
    it(`${file} has a title, a description and runs`, () => {
      expect(trace.title, file).toBeTruthy();
      expect(trace.description, file).toBeTruthy();
      expect(trace.runs?.length ?? 0, file).toBeGreaterThan(0);
    });
    const runs: readonly ScenarioRun[] = trace.runs ?? [{ proposal: trace.proposal ?? 'upstream' }];
    for (const run of runs) {
      it(`${file} under ${run.proposal}`, async () => {
        const proposal = await loadProposal(run.proposal);
        const report = runTrace(trace, { proposal });
        if (run.violates === undefined) {
          expect(report.ok, `${file} under ${run.proposal}: failures:\n${show(report.failures)}`).toBe(true);
        } else {
          checkViolation(file, run, report);
        }
      });
    }
  }
});

describe('HMM selftest coverage', () => {
  for (const c of HMM_SELFTEST_CASES) {
    for (const variant of c.variants) {
      it(`${c.id} ${c.name} has a ${variant} scenario`, () => {
        const prefix = `ht-${c.id.slice(3)}-${c.name.replaceAll('_', '-')}`;
        const found = FILES.filter((f) => f.startsWith(prefix) && f.endsWith(`.${variant}.json`));
        expect(found, `no properties/scenarios/${prefix}*.${variant}.json`).not.toEqual([]);
      });
    }
  }
  it('HT-20 has both orderings of its munmap race', () => {
    for (const variant of ['private', 'coherent']) {
      for (const order of ['before', 'after']) {
        expect(FILES, `${order} ${variant}`).toContain(`ht-20-anon-teardown-munmap-${order}.${variant}.json`);
      }
    }
  });
});
