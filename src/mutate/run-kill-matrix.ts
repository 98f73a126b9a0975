// The kill matrix: every mutant, on every seed, searched twice in worker
// threads — once over the invariants its base holds (findViolations: every
// invariant that catches it, the first one found first), once for
// refinement — then folded into one row per mutant.
import type { Mutant } from '../../models/mutants/mutant.ts';
import type { CheckJob } from '../check/pool/check-job.ts';
import type { FromWorker } from '../check/pool/messages.ts';
import { finishPool } from '../check/pool/finish-pool.ts';
import { runPool } from '../check/pool/worker-pool.ts';
import type { Counterexample } from '../check/counterexample.ts';
import type { ReportDir } from '../report/report-dir.ts';
import { checkKills, firstCatcher, type KillRow } from './kill-row.ts';
import { mutantChecks } from './mutant-checks.ts';

export interface KillOptions {
  readonly seeds: number;
  readonly firstSeed: number;
  readonly workers: number;
  /** Where each mutant's first-seed counterexamples are written. */
  readonly dir: ReportDir;
  readonly generated: string;
  readonly onProgress?: (done: number, total: number, row?: KillRow) => void;
}

interface Planned {
  readonly mutant: Mutant;
  readonly seed: number;
  readonly part: 'invariants' | 'refinement';
}

export async function runKillMatrix(mutants: readonly Mutant[], o: KillOptions): Promise<{ rows: KillRow[]; interrupted: boolean }> {
  const planned: Planned[] = [];
  for (const mutant of mutants) {
    const checks = mutantChecks(mutant);
    for (let s = 0; s < o.seeds; s++) {
      planned.push({ mutant, seed: o.firstSeed + s, part: 'invariants' });
      if (checks.refinement) planned.push({ mutant, seed: o.firstSeed + s, part: 'refinement' });
    }
  }
  const jobs: CheckJob[] = planned.map((p, index) => ({
    index,
    load: `mutant:${p.mutant.id}`,
    given: `mutant:${p.mutant.id}`,
    traceProposal: `mutant:${p.mutant.id}`,
    isFile: false,
    stem: p.mutant.id,
    reportDir: o.dir.path,
    generated: o.generated,
    options: {
      invariants: p.part === 'refinement' ? ['refinement'] : mutantChecks(p.mutant).invariants,
      runs: p.mutant.budget.runs,
      maxCommands: p.mutant.budget.maxCommands,
      seed: p.seed,
      ...(p.mutant.focus === undefined ? {} : { focus: p.mutant.focus }),
    },
  }));
  const found = jobs.map((): Counterexample[] => []);
  const done = new Set<number>();
  const onMessage = (m: FromWorker) => {
    if (m.type === 'finding') {
      found[m.job]?.push(m.counterexample);
      const p = planned[m.job]!;
      if (p.seed === o.firstSeed) {
        const stem = `${p.mutant.id}.${m.counterexample.check}`;
        o.dir.write(`${stem}.txt`, m.rendered.txt);
        o.dir.write(`${stem}.json`, m.rendered.json);
      }
    } else if (m.type === 'done' || m.type === 'failed') {
      done.add(m.job);
      o.onProgress?.(done.size, jobs.length);
    }
  };
  const pool = runPool(jobs, o.workers, onMessage);
  const interrupted = (await finishPool(pool)) !== undefined;
  const rows = mutants.map((mutant): KillRow => {
    const mine = planned.map((p, i) => ({ p, found: found[i] ?? [] })).filter(({ p }) => p.mutant === mutant);
    const invariantRuns = mine.filter(({ p }) => p.part === 'invariants').map(({ found: f }) => f);
    const caught = checkKills(mine.map(({ found: f }) => f));
    const checks = mutantChecks(mutant);
    const first = firstCatcher(invariantRuns);
    return {
      id: mutant.id,
      kind: mutant.kind,
      ...(mutant.bug === undefined ? {} : { bug: mutant.bug }),
      extends: mutant.proposal.extends,
      fault: mutant.fault,
      checks: [...checks.invariants, ...(checks.refinement ? ['refinement'] : [])],
      caught,
      ...(first === undefined ? {} : { firstCatcher: first }),
      killed: Object.keys(caught).length > 0,
      seeds: o.seeds,
    };
  });
  return { rows, interrupted };
}
