// One `zdspec check` run on the main thread: the report directory is ready
// before anything runs, the searches go to worker threads, every finding is
// written and announced the moment it is shrunk, progress goes to stderr,
// SIGINT/SIGTERM stop the search and still write what was found (exit
// 130/143), and the summary ends the run.
import type { CheckJob } from '../../check/pool/check-job.ts';
import type { FromWorker, JobOutcome } from '../../check/pool/messages.ts';
import { finishPool } from '../../check/pool/finish-pool.ts';
import { runPool } from '../../check/pool/worker-pool.ts';
import { ALL_CHECKS } from '../../check/checks.ts';
import type { Counterexample } from '../../check/counterexample.ts';
import type { JobSemantic } from '../../coverage/semantic/merge.ts';
import type { CoverageClass } from '../../coverage/semantic/scope.ts';
import type { ReportDir } from '../../report/report-dir.ts';
import type { CounterexamplePaths } from '../../report/render-counterexample.ts';
import { isCoverageChild } from '../../coverage/under-coverage.ts';
import { counterexamplePaths } from '../../report/write-counterexample.ts';
import { shortLines } from '../../coverage/semantic/write-semantic-coverage.ts';
import type { ProposalSummary, RunInfo } from '../../report/summary.ts';
import { writeRunReports } from '../../report/write-run-reports.ts';
import { cli } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { progressLine } from './check-progress.ts';

export interface SessionPlan {
  readonly jobs: readonly CheckJob[];
  readonly names: readonly { readonly name: string; readonly era: string }[];
  readonly workers: number;
  readonly dir: ReportDir;
  /** Print each counterexample in full (one proposal) or only its files (several). */
  readonly printFull: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly info: Omit<RunInfo, 'durationMs' | 'interrupted'>;
  /** The command that finishes what an interrupted run left, given the unfinished proposals. */
  readonly finishCommand: (unfinished: readonly string[]) => string;
  /** --judge: the exit code says whether the verdicts match the built-ins' headers, not whether violations were found. */
  readonly judge: boolean;
  /** The jobs' indexes in the order the workers start them (longest-first.ts). */
  readonly order?: readonly number[];
  /** --min-semantic-coverage: classes whose never-reached cells fail the run (exit 1). */
  readonly minSemanticCoverage?: readonly CoverageClass[];
}

interface JobState {
  outcome?: JobOutcome;
  error?: string;
  started: boolean;
  runs: number;
  commands: number;
  readonly found: Counterexample[];
  readonly files: Record<string, CounterexamplePaths>;
  readonly candidates: Map<string, string>;
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export async function runCheckSession(plan: SessionPlan): Promise<readonly ProposalSummary[]> {
  const { io, colors: c } = cli();
  const started = performance.now();
  const say = (line: string) => {
    progress.clear();
    io.out(`${line}\n`);
  };
  const progress = progressLine(io.isTTY && !plan.json, io.err, plan.jobs.length, started);
  const states: JobState[] = plan.jobs.map(() => ({ started: false, runs: 0, commands: 0, found: [], files: {}, candidates: new Map() }));
  // Each counterexample's text report, for junit.xml.
  const texts = new Map<Counterexample, string>();
  // Each finished job's semantic coverage, by job index.
  const semantic = new Map<number, JobSemantic>();
  const onMessage = (m: FromWorker) => {
    if (m.type === 'ready') return;
    const job = plan.jobs[m.job];
    const st = states[m.job];
    if (!job || !st) return;
    if (m.type === 'progress') {
      st.runs = m.runs;
      st.commands = m.commands;
      progress.update(m.job, job.given, m);
    } else if (m.type === 'candidate') {
      st.candidates.set(m.check, m.trace);
    } else if (m.type === 'finding') {
      const cx = m.counterexample;
      const paths = counterexamplePaths(plan.dir.path, `${job.stem}.${cx.check}`);
      plan.dir.write(`${job.stem}.${cx.check}.txt`, m.rendered.txt);
      plan.dir.write(`${job.stem}.${cx.check}.md`, m.rendered.md);
      plan.dir.write(`${job.stem}.${cx.check}.json`, m.rendered.json);
      st.found.push(cx);
      texts.set(cx, m.rendered.txt);
      st.files[cx.check] = paths;
      st.candidates.delete(cx.check);
      progress.finding();
      if (plan.json) return;
      if (plan.printFull && !plan.quiet) say(m.rendered.txt);
      else if (!plan.quiet) say(c.red(`${job.given}: violates ${cx.check} (${cx.steps.length} steps) → ${paths.txt}`));
    } else if (m.type === 'done') {
      st.outcome = m.outcome;
      if (m.semantic) semantic.set(m.job, m.semantic);
      progress.done(m.job);
    } else {
      st.error = m.message;
      progress.done(m.job);
      cli().exit(m.badInput ? EXIT.BAD_INPUT : EXIT.INTERNAL);
      say(c.red(`${job.given}: ${m.badInput ? '' : 'internal error (a bug in zdspec, please report it): '}${m.message}`));
    }
  };

  const pool = runPool(
    plan.jobs,
    plan.workers,
    onMessage,
    (job) => {
      const st = states[job.index];
      if (st) st.started = true;
    },
    plan.order,
    // Said, so that a search that starts over (its progress, its time) is not a surprise.
    (job) => {
      progress.clear();
      io.err(`zdspec check: ${job.given}: a run went past its deadline; searching again from the start under the per-run watchdog\n`);
    },
  );
  let interrupted: keyof typeof SIGNAL_EXIT | undefined;
  try {
    interrupted = await finishPool(pool);
  } finally {
    progress.stop();
  }

  const rows: ProposalSummary[] = plan.jobs.map((job, i) => {
    const st = states[i]!;
    const unshrunk: Record<string, string> = {};
    for (const [check, trace] of st.candidates) unshrunk[check] = plan.dir.write(`${job.stem}.${check}.unshrunk.json`, trace);
    const o = st.outcome;
    const status = o ? 'done' : st.error !== undefined ? 'failed' : st.started ? 'interrupted' : 'not started';
    return {
      proposal: job.given,
      name: o?.proposal ?? plan.names[i]?.name ?? job.given,
      era: o?.era ?? plan.names[i]?.era ?? '?',
      status,
      runs: o?.runs ?? st.runs,
      commands: o?.commands ?? st.commands,
      elapsedMs: o?.elapsedMs ?? 0,
      timeLimited: o?.interrupted ?? false,
      checks: o?.checks ?? job.options.invariants ?? ALL_CHECKS,
      found: st.found,
      files: st.files,
      unshrunk,
      ...(o?.stats === undefined ? {} : { stats: o.stats }),
      ...(st.error === undefined ? {} : { error: st.error }),
    };
  });
  const unfinished = rows.filter((r) => r.status !== 'done').map((r) => r.proposal);
  const info: RunInfo = {
    ...plan.info,
    durationMs: performance.now() - started,
    ...(interrupted === undefined ? {} : { interrupted: { signal: interrupted, finish: plan.finishCommand(unfinished) } }),
  };
  const { json, short, warning } = writeRunReports(plan.dir, {
    rows,
    info,
    texts,
    semantic: plan.jobs.flatMap((j) => semantic.get(j.index) ?? []),
    required: plan.minSemanticCoverage ?? [],
    coverage: isCoverageChild(),
  });
  if (warning !== undefined) io.err(`${warning}\n`);
  if (short.length > 0 && interrupted === undefined) {
    cli().exit(EXIT.FAILED);
    for (const line of shortLines(short)) {
      if (plan.json) io.err(`${line}\n`);
      else say(c.red(line));
    }
  }
  if (!plan.judge && rows.some((r) => r.found.length > 0)) cli().exit(EXIT.FAILED);
  if (interrupted !== undefined) {
    cli().exit(SIGNAL_EXIT[interrupted]);
    io.err(`zdspec check: interrupted by ${interrupted}; wrote what was found to ${plan.dir.path}/summary.txt; to finish: ${info.interrupted?.finish}\n`);
  }
  if (plan.json) io.out(json);
  return rows;
}
