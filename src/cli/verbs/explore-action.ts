// The action of `zdspec explore` (explore.ts defines its options): parse the
// bounds, search, write a violation the moment it is found (as check writes
// a counterexample) and explore.json, print the summary, set the exit code.
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { ResolvedProposal } from '../../../models/proposals/proposal.ts';
import { toTrace, type Counterexample } from '../../check/counterexample.ts';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../../explore/bounds.ts';
import { describeBounds } from '../../explore/describe-bounds.ts';
import { explore, type ExploreResult } from '../../explore/explore.ts';
import { exploreSummary } from '../../explore/explore-summary.ts';
import { loadProposal } from '../../proposals/load-proposal.ts';
import { writeAtomic } from '../../report/write-atomic.ts';
import { writeCounterexample } from '../../report/write-counterexample.ts';
import { shellQuote } from '../../util/shell-quote.ts';
import { InputError } from '../bad-input.ts';
import { cli, say } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { parseChecks, parseCount, parseFocusOps, parseFocusTypes } from './check-options.ts';
import { ALL_CHECKS } from '../../check/checks.ts';
import { DEFAULT_EXPLORE_DEPTH, type ExploreFlags } from './explore.ts';
import { exploreProgress } from './explore-progress.ts';
import { parseSize } from './parse-size.ts';

/**
 * Without --max-memory: 70% of what V8's heap may still grow by, so a long
 * search stops cleanly with its depth instead of dying out of memory
 * (NODE_OPTIONS=--max-old-space-size=MB raises the heap's limit).
 */
function defaultMaxMemory(): number {
  const { heap_size_limit, used_heap_size } = getHeapStatistics();
  return Math.max(64 * 2 ** 20, Math.floor(0.7 * (heap_size_limit - used_heap_size)));
}

/** A count option with an upper bound too: a domain past it would never finish, and says so. */
function bounded(option: string, raw: string | undefined, fallback: number, max: number): number {
  const n = parseCount(option, raw, 1) ?? fallback;
  if (n > max) throw new InputError(`${option}: expected at most ${max}, got ${n} (the search grows exponentially with it)`);
  return n;
}

function parseBounds(flags: ExploreFlags): ExploreBounds {
  const types = parseFocusTypes(flags.types);
  return {
    ...(types === undefined ? {} : { types }),
    pages: bounded('--pages', flags.pages, DEFAULT_BOUNDS.pages, 8),
    procs: bounded('--procs', flags.procs, DEFAULT_BOUNDS.procs, 6),
    devices: bounded('--devices', flags.devices, DEFAULT_BOUNDS.devices, 6),
    values: bounded('--values', flags.values, DEFAULT_BOUNDS.values, 9),
    symmetry: flags.symmetry,
  };
}

/** The command line that runs this search again (a report's "replay" for an explored counterexample). */
function commandLine(spec: string, depth: number, bounds: ExploreBounds, flags: ExploreFlags): string {
  const words = ['zdspec', 'explore', spec, '--depth', String(depth)];
  for (const key of ['pages', 'procs', 'devices', 'values'] as const) if (bounds[key] !== DEFAULT_BOUNDS[key]) words.push(`--${key}`, String(bounds[key]));
  if (!bounds.symmetry) words.push('--no-symmetry');
  for (const i of flags.invariant ?? []) words.push('--invariant', i);
  for (const o of flags.ops ?? []) words.push('--ops', o);
  for (const t of flags.types ?? []) words.push('--types', t);
  return words.map(shellQuote).join(' ');
}

function counterexampleOf(r: ExploreResult, spec: string, proposal: ResolvedProposal, again: string): Counterexample | undefined {
  const v = r.violation;
  if (v === undefined) return undefined;
  return {
    proposal: spec,
    era: proposal.era.name,
    check: v.finding.check,
    finding: v.finding,
    steps: v.steps,
    trace: toTrace(spec, v.steps),
    seed: 0,
    path: '',
    replay: again,
    checks: r.checks,
    maxCommands: r.maxDepth,
    timing: { runsToFirst: 1, msToFirst: r.elapsedMs, shrinks: 0, shrinkMs: 0 },
    explored: { states: r.states, bounds: describeBounds(r.bounds) },
  };
}

export async function exploreAction(spec: string, flags: ExploreFlags): Promise<void> {
  const depth = parseCount('--depth', flags.depth, 1) ?? DEFAULT_EXPLORE_DEPTH;
  const bounds = parseBounds(flags);
  const maxStates = parseCount('--max-states', flags.maxStates, 1);
  const maxMemoryBytes = parseSize('--max-memory', flags.maxMemory) ?? defaultMaxMemory();
  const checks = parseChecks(flags.invariant) ?? ALL_CHECKS;
  const ops = parseFocusOps(flags.ops, '--ops');
  const proposal = await loadProposal(spec);
  const { io, colors } = cli();
  const progress = exploreProgress(Boolean(process.stderr.isTTY), io.err);
  const result = explore(proposal, {
    depth,
    bounds,
    checks,
    ...(ops === undefined ? {} : { ops }),
    ...(maxStates === undefined ? {} : { maxStates }),
    ...(maxMemoryBytes === undefined ? {} : { maxMemoryBytes }),
    ...(flags.exact ? { exact: true } : {}),
    onProgress: progress.update,
  });
  progress.stop();
  const cx = counterexampleOf(result, spec, proposal, commandLine(spec, depth, bounds, flags));
  const written = cx === undefined ? undefined : writeCounterexample(cx, proposal, flags.reportDir);
  const summary = exploreSummary(result, written?.json);
  writeAtomic(join(flags.reportDir, 'explore.json'), `${JSON.stringify(summary.json, null, 2)}\n`);
  if (flags.json) say(JSON.stringify(summary.json, null, 2));
  else {
    if (written !== undefined) say(written.text.trimEnd(), '');
    for (const line of summary.lines) say(line.startsWith('violation') ? colors.red(line) : line.startsWith('complete') || line.startsWith('bounded') ? colors.green(line) : line);
    if (written !== undefined) say(`written: ${written.txt}, ${written.md}, ${written.json}`);
  }
  if (result.violation !== undefined) cli().exit(EXIT.FAILED);
}
