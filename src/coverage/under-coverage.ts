// `--coverage` (check, run): the verb re-executes itself as a child process
// with NODE_V8_COVERAGE set (worker threads inherit it, so each writes its
// own coverage file, source maps included), waits for it, then turns what it
// left into a report (coverage-report.ts). The child does the whole job as
// without --coverage, reports and exit code included; the parent passes its
// output and signals through and exits with its code.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { cli, PROCESS_IO } from '../cli/cli-context.ts';
import { EXIT } from '../cli/exit-codes.ts';
import { zdspecPackage } from '../util/package-root.ts';
import { isBuiltinName } from '../proposals/load-proposal.ts';
import { assertCoverageAvailable, writeCoverageReport } from './coverage-report.ts';

/** Set in the child: it runs the verb itself instead of starting another child. */
export const COVERAGE_CHILD_ENV = 'ZDSPEC_COVERAGE_CHILD';

// The package's entry, from the sources and from dist/ alike.
const BIN = join(zdspecPackage().root, 'bin', 'zdspec.js');
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** True in the process that does the verb's work under coverage (or without --coverage). */
export const isCoverageChild = (): boolean => process.env[COVERAGE_CHILD_ENV] === '1';

export interface CoverageRun {
  /** The command line after `zdspec` (the child repeats it, --coverage included). */
  readonly argv: readonly string[];
  /** Where lcov.info, index.html and the summary go. */
  readonly reportDir: string;
  /** Proposal files the run checks: counted with models/ and src/. */
  readonly proposalFiles: readonly string[];
  /** Print the summary to stderr (stdout carries JSON). */
  readonly toStderr: boolean;
  /** Print one line, not the summary. */
  readonly quiet: boolean;
}

/**
 * The words after `zdspec` this invocation was given, as main() passed them
 * to commander (the root command keeps them): the child gets the same.
 */
export function commandLine(verb: Command): string[] {
  const raw = (verb.parent as { rawArgs?: unknown } | null)?.rawArgs;
  if (!Array.isArray(raw) || !raw.every((w) => typeof w === 'string')) throw new Error('--coverage: commander no longer keeps the command line in rawArgs');
  return [...raw];
}

/** The proposal specs that name files (not built-ins or mutants), absolute: their coverage is reported too. */
export function proposalFiles(specs: readonly (string | undefined)[]): string[] {
  return specs.filter((s): s is string => s !== undefined && !isBuiltinName(s) && existsSync(s) && statSync(s).isFile()).map((s) => resolve(s));
}

/**
 * Runs the verb again in a child under V8 coverage and writes the report.
 * The invocation's exit code becomes the child's (a child killed by a
 * signal: 128 + its number); no report for bad usage (exit 2).
 */
export async function runUnderCoverage(run: CoverageRun): Promise<void> {
  const context = cli();
  await assertCoverageAvailable();
  const raw = mkdtempSync(join(tmpdir(), 'zdspec-v8-coverage-'));
  try {
    const code = await runChild(run.argv, raw);
    context.exit(code);
    if (code === EXIT.BAD_INPUT) return;
    const report = await writeCoverageReport(raw, run.reportDir, run.proposalFiles);
    const rel = relative(process.cwd(), report.dir);
    const where = rel === '' ? '.' : rel.startsWith('..') ? report.dir : rel;
    const head = `coverage: ${report.total.lines.pct}% of lines (${report.total.lines.covered}/${report.total.lines.total}) in models/, src/${run.proposalFiles.length ? ' and the proposal files' : ''}: ${where}/index.html, ${where}/lcov.info`;
    const text = run.quiet ? `${head}\n` : `${head}\n${report.text}`;
    (run.toStderr ? context.io.err : context.io.out)(text);
  } finally {
    rmSync(raw, { recursive: true, force: true });
  }
}

function runChild(argv: readonly string[], raw: string): Promise<number> {
  const { io } = cli();
  const direct = io === PROCESS_IO;
  return new Promise((resolvePromise, reject) => {
    // Its own process group: a Ctrl-C at the terminal reaches the parent
    // only, which passes it on, so the child gets each signal once, as it
    // would without --coverage.
    const child = spawn(process.execPath, [...(direct ? process.execArgv : []), BIN, ...argv], {
      // ZDSPEC_FROM_DIST=0: coverage is of the TypeScript sources, never of a build.
      env: { ...process.env, NODE_V8_COVERAGE: raw, [COVERAGE_CHILD_ENV]: '1', ZDSPEC_FROM_DIST: '0' },
      stdio: direct ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (d: Buffer) => io.out(d.toString()));
    child.stderr?.on('data', (d: Buffer) => io.err(d.toString()));
    const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
    const handlers = FORWARDED.map((s) => [s, forward(s)] as const);
    for (const [s, h] of handlers) process.on(s, h);
    const done = () => {
      for (const [s, h] of handlers) process.off(s, h);
    };
    child.on('error', (e) => {
      done();
      reject(e);
    });
    child.on('close', (code, signal) => {
      done();
      resolvePromise(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
