// The report directory of one `zdspec check` run. It is validated and
// created before the search starts (a bad --report-dir is exit 2 at once,
// not a stack trace after an hour of checking), and it holds one run: the
// files the previous run wrote — listed in its manifest — are removed first,
// so no stale summary or counterexample is left mixed with this run's.
// Files zdspec did not write are never touched. Every write is atomic and
// recorded in the manifest at once, so even a killed run leaves a manifest
// naming what it wrote.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { makeDirectory } from './make-directory.ts';
import { writeAtomic } from './write-atomic.ts';

export const MANIFEST = '.zdspec-run.json';

export class ReportDirError extends Error {
  override readonly name = 'ReportDirError';
}

export interface ReportDir {
  /** The directory as given (reports name files relative to it). */
  readonly path: string;
  /** Writes `name` (relative to the directory) atomically and records it; returns its path. */
  write(name: string, content: string): string;
  /** Files written so far, relative to the directory, in order. */
  readonly written: readonly string[];
}

const fail = (label: string, path: string, what: string, e?: unknown): never => {
  // Node's message already starts with the code: 'ENOTDIR: not a directory, mkdir ...'.
  const why = e instanceof Error ? `: ${e.message}` : '';
  throw new ReportDirError(`${label} ${path}: ${what}${why}`);
};

/** The previous run's files, from its manifest (nothing if there is none or it is unreadable). */
function previousFiles(dir: string): string[] {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return [];
  try {
    const files = (JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Only a plain relative name inside the directory may be removed. */
const inside = (name: string): boolean => !isAbsolute(name) && !normalize(name).startsWith('..');

/** `label`: how messages name the directory (the option or argument that gave it). */
export function openReportDir(path: string, meta: Readonly<Record<string, unknown>> = {}, label = '--report-dir'): ReportDir {
  if (existsSync(path) && !statSync(path).isDirectory()) fail(label, path, 'exists and is not a directory');
  try {
    makeDirectory(path);
  } catch (e) {
    fail(label, path, 'cannot create it', e);
  }
  try {
    writeAtomic(join(path, '.zdspec-probe'), 'zdspec checks it can write here\n');
    rmSync(join(path, '.zdspec-probe'), { force: true });
  } catch (e) {
    fail(label, path, 'cannot write there', e);
  }
  for (const name of previousFiles(path)) if (inside(name)) rmSync(join(path, name), { force: true });
  // Temporary files of writes a killed run never finished (write-atomic.ts).
  for (const name of readdirSync(path)) if (/^\..+\.\d+\.tmp$/.test(name)) rmSync(join(path, name), { force: true });
  const written: string[] = [];
  const record = () => writeAtomic(join(path, MANIFEST), `${JSON.stringify({ ...meta, files: written }, null, 2)}\n`);
  record();
  return {
    path,
    written,
    write(name, content) {
      const file = join(path, name);
      writeAtomic(file, content);
      const rel = relative(path, file);
      if (!written.includes(rel)) {
        written.push(rel);
        record();
      }
      return file;
    },
  };
}
