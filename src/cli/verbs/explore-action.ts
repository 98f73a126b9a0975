// The action of `zdspec explore` (explore.ts defines its options): parse the
// bounds and load the proposal (bad input is exit 2 before anything is
// written), open the report directory (report-dir.ts, as check does: a bad
// one is exit 2 before the search, and the previous run's files go), search,
// write a violation (as check writes a counterexample) and explore.json,
// print the summary, set the exit code.
import { relative, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { OpName } from '../../../models/ops.ts';
import { THREAD_OPS } from '../../../models/kernel/threads.ts';
import { readFile } from 'node:fs/promises';
import { splitCounterexample } from '../../report/read-counterexample.ts';
import { parseTrace } from '../../trace/parse-trace.ts';
import type { Trace } from '../../trace/trace.ts';
import { asStep } from '../../runner/run-on-pair.ts';
import type { ResolvedProposal } from '../../../models/proposals/proposal.ts';
import { toTrace, type Counterexample } from '../../check/counterexample.ts';
import { opInEra } from '../../coverage/semantic/scope.ts';
import { eraTypes } from '../../check/handles.ts';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../../explore/bounds.ts';
import { describeBounds } from '../../explore/describe-bounds.ts';
import { explore, type ExploreResult } from '../../explore/explore.ts';
import { exploreSummary } from '../../explore/explore-summary.ts';
import { MUTANT_PREFIX, isBuiltinName, loadProposal } from '../../proposals/load-proposal.ts';
import { explorePool } from '../../explore/pool/explore-pool.ts';
import { defaultWorkers } from '../default-workers.ts';
import { openReportDir, type ReportDir } from '../../report/report-dir.ts';
import { renderCounterexample } from '../../report/render-counterexample.ts';
import { wrap } from '../../report/wrap.ts';
import { counterexamplePaths, reportStem, type WrittenCounterexample } from '../../report/write-counterexample.ts';
import { shellQuote } from '../../util/shell-quote.ts';
import { zdspecVersion } from '../../util/zdspec-version.ts';
import { hangLimitMs } from '../../check/hang-limit.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { parseChecks, parseCount, parseFocusOps, parseFocusTypes, parseHookTimeLimit } from './check-options.ts';
import { ALL_CHECKS } from '../../check/checks.ts';
import { listValues } from './collect.ts';
import { DEFAULT_EXPLORE_DEPTH, type ExploreFlags } from './explore.ts';
import { exploreProgress } from './explore-progress.ts';
import { parseSize } from './parse-size.ts';

/**
 * Without --max-memory: 70% of what V8's heap may still grow by, so a long
 * search stops cleanly with its depth instead of dying out of memory
 * (NODE_OPTIONS=--max-old-space-size=MB raises the heap's limit).
 */
function heapRoom(): number {
  const { heap_size_limit, used_heap_size } = getHeapStatistics();
  return heap_size_limit - used_heap_size;
}

const defaultMaxMemory = (): number => Math.max(64 * 2 ** 20, Math.floor(0.7 * heapRoom()));

/**
 * --max-memory past what the heap may still grow by would never stop the
 * search: it would die out of memory instead, so it is bad input.
 */
function parseMaxMemory(raw: string | undefined): number {
  const bytes = parseSize('--max-memory', raw);
  if (bytes === undefined) return defaultMaxMemory();
  const room = heapRoom();
  if (bytes > room) {
    const mb = Math.floor(room / 2 ** 20);
    throw new InputError(`--max-memory: expected at most ${mb}m, the room V8's heap has left (NODE_OPTIONS=--max-old-space-size=MB raises it), got '${raw}'`);
  }
  return bytes;
}

/** A list option given only blanks (--ops '', --types ,) names nothing: bad input, not "all". */
function nonEmpty(option: string, raw: readonly string[] | undefined, what: string): readonly string[] | undefined {
  if (raw !== undefined && listValues(raw).length === 0) throw new InputError(`${option}: expected ${what}, got '${raw.join(',')}'`);
  return raw;
}

/** A count option with an upper bound too: a domain past it would never finish, and says so. */
function bounded(option: string, raw: string | undefined, fallback: number, max: number): number {
  const n = parseCount(option, raw, 1) ?? fallback;
  if (n > max) throw new InputError(`${option}: expected at most ${max}, got ${n} (the search grows exponentially with it)`);
  return n;
}

function parseBounds(flags: ExploreFlags): ExploreBounds {
  const types = parseFocusTypes(nonEmpty('--types', flags.types, 'memory type names (comma-separated)'));
  return {
    ...(types === undefined ? {} : { types }),
    pages: bounded('--pages', flags.pages, DEFAULT_BOUNDS.pages, 8),
    procs: bounded('--procs', flags.procs, DEFAULT_BOUNDS.procs, 6),
    devices: bounded('--devices', flags.devices, DEFAULT_BOUNDS.devices, 6),
    values: bounded('--values', flags.values, DEFAULT_BOUNDS.values, 9),
    symmetry: flags.symmetry,
  };
}

/** --from: a trace or a saved counterexample (its metadata set aside); only its steps are used, under the proposal explored. */
async function fromTrace(file: string): Promise<Trace> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`--from ${file}: ${e.code === 'ENOENT' ? 'file not found' : `cannot read: ${e.message}`}`);
  });
  return parseTrace(splitCounterexample(text, file).traceText, file);
}

/** The command line that runs this search again (a report's "replay" for an explored counterexample). */
function commandLine(spec: string, depth: number, bounds: ExploreBounds, flags: ExploreFlags): string {
  const words = ['zdspec', 'explore', spec, '--depth', String(depth)];
  for (const key of ['pages', 'procs', 'devices', 'values'] as const) if (bounds[key] !== DEFAULT_BOUNDS[key]) words.push(`--${key}`, String(bounds[key]));
  if (!bounds.symmetry) words.push('--no-symmetry');
  for (const i of flags.invariant ?? []) words.push('--invariant', i);
  for (const o of flags.ops ?? []) words.push('--ops', o);
  for (const t of flags.types ?? []) words.push('--types', t);
  if (flags.threads) words.push('--threads');
  for (const o of flags.threads ? (flags.threadOps ?? []) : []) words.push('--thread-ops', o);
  if (flags.threads && !flags.por) words.push('--no-por');
  if (flags.from !== undefined) words.push('--from', flags.from);
  return words.map(shellQuote).join(' ');
}

/**
 * --types naming a type the proposal's era does not have would explore no
 * memremap_pages of it and report "no violation" about nothing: bad input.
 */
function checkTypesInEra(types: ExploreBounds['types'], proposal: ResolvedProposal): void {
  const has = eraTypes(proposal.era);
  const missing = (types ?? []).filter((t) => !has.includes(t));
  if (missing.length > 0) {
    throw new InputError(`--types: ${proposal.name} (era ${proposal.era.name}) has no memory type ${missing.join(', ')}; its types: ${has.join(', ')}`);
  }
}

/** --thread-ops: operations that can run as a thread (THREAD_OPS), with --threads. */
function parseThreadOps(flags: ExploreFlags): OpName[] | undefined {
  const ops = parseFocusOps(nonEmpty('--thread-ops', flags.threadOps, 'operation names (comma-separated)'), '--thread-ops');
  if (ops === undefined) return undefined;
  if (!flags.threads) throw new InputError('--thread-ops: only with --threads');
  const never = ops.filter((op) => !(THREAD_OPS as readonly string[]).includes(op));
  if (never.length > 0) throw new InputError(`--thread-ops: ${never.join(', ')} cannot run as a thread; only ${THREAD_OPS.join(', ')} can (they reach an interleaving point)`);
  return ops;
}

/** An --ops operation the era never runs with these types would make the search say nothing of it: bad input, like a type the era lacks. */
function checkOpsInEra(ops: readonly OpName[] | undefined, types: ExploreBounds['types'], proposal: ResolvedProposal): void {
  const era = proposal.era;
  const chosen = types ?? eraTypes(era);
  const never = (ops ?? []).filter((op) => !opInEra(op, era, chosen));
  if (never.length > 0) {
    throw new InputError(
      `--ops: ${proposal.name} (era ${era.name}, types ${chosen.join(', ')}) never runs ${never.join(', ')}: the era has no such call, refuses every one, or has no memory it moves`,
    );
  }
}

/**
 * The proposal as the counterexample's trace names it: a built-in by name, a
 * file by its path relative to the report directory, where zdspec replay
 * looks for it (choose-proposal.ts), as check writes it (plan-jobs.ts).
 */
const traceProposal = (spec: string, reportDir: string): string => (isBuiltinName(spec) ? spec : relative(resolve(reportDir), resolve(spec)));

function counterexampleOf(r: ExploreResult, spec: string, proposal: ResolvedProposal, again: string, reportDir: string): Counterexample | undefined {
  const v = r.violation;
  if (v === undefined) return undefined;
  return {
    proposal: spec,
    era: proposal.era.name,
    check: v.finding.check,
    finding: v.finding,
    steps: v.steps,
    trace: toTrace(traceProposal(spec, reportDir), v.steps),
    seed: 0,
    path: '',
    replay: again,
    checks: r.checks,
    maxCommands: r.maxDepth,
    timing: { runsToFirst: 1, msToFirst: r.elapsedMs, shrinks: 0, shrinkMs: 0 },
    explored: { states: r.states, bounds: describeBounds(r.bounds) },
  };
}

/** The counterexample's three files, through the report directory (so its manifest names them). */
function writeFound(cx: Counterexample, proposal: ResolvedProposal, dir: ReportDir, spec: string, generated: string, hookTimeLimitMs: number): WrittenCounterexample {
  const stem = reportStem(cx);
  const paths = counterexamplePaths(dir.path, stem);
  const rendered = renderCounterexample(cx, proposal, paths, { generated, proposalIsFile: !isBuiltinName(spec), timeLimitMs: hangLimitMs(hookTimeLimitMs, cx.steps.length) });
  for (const ext of ['txt', 'md', 'json'] as const) dir.write(`${stem}.${ext}`, rendered[ext]);
  return { ...paths, text: rendered.txt };
}

export async function exploreAction(spec: string, flags: ExploreFlags): Promise<void> {
  const depth = parseCount('--depth', flags.depth, 1) ?? DEFAULT_EXPLORE_DEPTH;
  const bounds = parseBounds(flags);
  const maxStates = parseCount('--max-states', flags.maxStates, 1);
  const hookTimeLimitMs = parseHookTimeLimit(flags.hookTimeLimit);
  const workers = parseCount('--workers', flags.workers, 1) ?? defaultWorkers();
  const maxMemoryBytes = parseMaxMemory(flags.maxMemory);
  const checks = parseChecks(nonEmpty('--invariant', flags.invariant, 'check ids (comma-separated)')) ?? ALL_CHECKS;
  const ops = parseFocusOps(nonEmpty('--ops', flags.ops, 'operation names (comma-separated)'), '--ops');
  const threadOps = parseThreadOps(flags);
  const proposal = await loadProposal(spec);
  const from = flags.from === undefined ? undefined : (await fromTrace(flags.from)).steps.map(asStep);
  checkTypesInEra(bounds.types, proposal);
  checkOpsInEra(ops, bounds.types, proposal);
  // Validated and created before the search: a bad --report-dir is exit 2 at
  // once, not a stack trace once the search is over.
  const generated = new Date().toISOString();
  const dir = openReportDir(flags.reportDir, { zdspec: zdspecVersion(), started: generated, command: ['zdspec', 'explore', ...process.argv.slice(3)] });
  const { io, colors } = cli();
  const progress = exploreProgress(io.isTTY, io.err);
  const options = {
    depth,
    bounds,
    checks,
    ...(ops === undefined ? {} : { ops }),
    ...(flags.threads ? { threads: true, por: flags.por, ...(threadOps === undefined ? {} : { threadOps }) } : {}),
    ...(from === undefined ? {} : { from }),
    ...(maxStates === undefined ? {} : { maxStates }),
    maxMemoryBytes,
    ...(flags.exact ? { exact: true } : {}),
    onProgress: progress.update,
    hookTimeLimitMs,
  };
  // Worker threads load the proposal themselves: a built-in or mutant by name, a file by its absolute path.
  const load = isBuiltinName(spec) || spec.startsWith(MUTANT_PREFIX) ? spec : resolve(spec);
  const result = workers > 1 && from === undefined ? await explorePool(load, proposal, options, workers) : explore(proposal, options);
  progress.stop();
  const cx = counterexampleOf(result, spec, proposal, commandLine(spec, depth, bounds, flags), flags.reportDir);
  const written = cx === undefined ? undefined : writeFound(cx, proposal, dir, spec, generated, hookTimeLimitMs);
  const summary = exploreSummary(result, written?.json);
  dir.write('explore.json', `${JSON.stringify(summary.json, null, 2)}\n`);
  if (flags.json) say(JSON.stringify(summary.json, null, 2));
  else {
    if (written !== undefined) say(written.text.trimEnd(), '');
    for (const line of summary.lines) say(line.startsWith('violation') ? colors.red(line) : line.startsWith('complete') || line.startsWith('bounded') ? colors.green(line) : line);
    // 80 columns, as every line explore prints.
    if (written !== undefined) say(...wrap(['written:', `${written.txt},`, `${written.md},`, written.json], '', undefined, '  '));
  }
  if (result.violation !== undefined) cli().exit(EXIT.FAILED);
}
