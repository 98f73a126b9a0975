// A check worker thread: takes jobs from the main thread one at a time,
// loads each proposal, runs its search (findViolations, or one exact re-run
// with --path), and posts progress, the best failing run while shrinking,
// every shrunk counterexample (rendered, for the main thread to write) and
// the outcome. It writes nothing itself and never touches the terminal.
import { parentPort } from 'node:worker_threads';
import type { ResolvedProposal } from '../../../models/proposals/proposal.ts';
import { createSemanticCollector, type SemanticCollector } from '../../coverage/semantic/collector.ts';
import { jobSemantic } from '../../coverage/semantic/merge.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { guardProcess } from '../../proposals/process-guard.ts';
import { renderCounterexample } from '../../report/render-counterexample.ts';
import { counterexamplePaths } from '../../report/write-counterexample.ts';
import { CHECK_DEFAULTS, checkProposal } from '../check-proposal.ts';
import { hangLimitMs } from '../hang-limit.ts';
import { ALL_CHECKS } from '../checks.ts';
import { toTrace } from '../counterexample.ts';
import type { CheckFailure } from '../failure.ts';
import { findViolations } from '../find-violations.ts';
import type { CheckJob } from './check-job.ts';
import type { FromWorker, JobOutcome, ToWorker } from './messages.ts';
import { searchOfExactRun } from './search-of-exact-run.ts';
import { watchRuns } from '../run-watch.ts';

const port = parentPort;
if (port === null) throw new Error('check-worker: not in a worker thread');
// Proposal hooks run here: process.exit in one must be a finding, not the
// silent end of this thread (or, with process.kill, of zdspec).
guardProcess();
// A promise a hook starts, rejects and drops has no step to be a finding of;
// it must not end the search either (an async hook is already reported as
// proposal-bad-return when it returns its promise).
process.on('unhandledRejection', () => undefined);
const post = (m: FromWorker) => port.postMessage(m);
const CANDIDATE_EVERY_MS = 1000;

function run(job: CheckJob, proposal: ResolvedProposal, semantic: SemanticCollector | undefined): JobOutcome {
  const o = job.options;
  let lastCandidate = 0;
  const onFailure = (f: CheckFailure) => {
    const now = performance.now();
    if (now - lastCandidate < CANDIDATE_EVERY_MS) return;
    lastCandidate = now;
    const trace = { ...toTrace(job.traceProposal, f.steps), title: `${job.given}: ${f.finding.check} (not fully shrunk: the run was interrupted)` };
    post({ type: 'candidate', job: job.index, check: f.finding.check, steps: f.steps.length, trace: `${JSON.stringify(trace, null, 2)}\n` });
  };
  const common = {
    ...(o.invariants ? { invariants: o.invariants } : {}),
    seed: o.seed,
    ...(o.timeLimitMs === undefined ? {} : { timeLimitMs: o.timeLimitMs }),
    ...(o.hookTimeLimitMs === undefined ? {} : { hookTimeLimitMs: o.hookTimeLimitMs }),
    ...(o.focus === undefined ? {} : { focus: o.focus }),
    ...(o.fullInvariants ? { fullInvariants: true } : {}),
    proposalSpec: job.given,
    traceProposal: job.traceProposal,
    ...(semantic === undefined ? {} : { semantic }),
    onProgress: (p: { runs: number; commands: number; elapsedMs: number; failing: boolean }) => post({ type: 'progress', job: job.index, ...p }),
    onFailure,
    onFinding: (cx: Parameters<typeof renderCounterexample>[0]) => {
      const paths = counterexamplePaths(job.reportDir, `${job.stem}.${cx.check}`);
      // The re-run that explains the steps gets the run's own hang limit: a hung hook's counterexample is not re-run for the 2 s default.
      const timeLimitMs = hangLimitMs(o.hookTimeLimitMs ?? CHECK_DEFAULTS.hookTimeLimitMs, cx.steps.length);
      const rendered = renderCounterexample(cx, proposal, paths, { generated: job.generated, proposalIsFile: job.isFile, timeLimitMs });
      post({ type: 'finding', job: job.index, counterexample: cx, rendered });
    },
  };
  if (o.path !== undefined) {
    const r = checkProposal(proposal, { ...common, path: o.path, ...(o.maxCommands === undefined ? {} : { maxCommands: o.maxCommands }) });
    if (r.counterexample) common.onFinding(r.counterexample);
    return searchOfExactRun(r);
  }
  const budget = { ...(o.runs === undefined ? {} : { runs: o.runs }), ...(o.maxCommands === undefined ? {} : { maxCommands: o.maxCommands }) };
  return findViolations(proposal, { ...common, budget });
}

const loaded = new Map<string, Promise<ResolvedProposal>>();

port.on('message', async (m: ToWorker) => {
  const { job } = m;
  watchRuns(m.watch === undefined ? undefined : { cells: new Int32Array(m.watch.buffer), epochMs: m.watch.epochMs });
  let proposal: ResolvedProposal;
  try {
    // The main thread already loaded the file once under the import time limit.
    if (!loaded.has(job.load)) loaded.set(job.load, loadProposal(job.load, { preload: false }));
    proposal = await (loaded.get(job.load) as Promise<ResolvedProposal>);
  } catch (e) {
    post({ type: 'failed', job: job.index, message: e instanceof Error ? e.message : String(e), badInput: true });
    return;
  }
  try {
    const collector = job.options.semantic ? createSemanticCollector() : undefined;
    const outcome = run(job, proposal, collector);
    const semantic = collector && jobSemantic(job.given, proposal.era, job.options.focus, job.options.invariants ?? ALL_CHECKS, outcome.stats, collector);
    post({ type: 'done', job: job.index, outcome, ...(semantic ? { semantic } : {}) });
  } catch (e) {
    post({ type: 'failed', job: job.index, message: e instanceof Error ? (e.stack ?? e.message) : String(e), badInput: false });
  }
});
post({ type: 'ready' });
