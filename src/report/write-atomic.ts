// Reports are written atomically: to a temporary file in the same directory,
// then renamed over the target, so an interrupted run never leaves a
// half-written report (rename within one file system is atomic).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDirectory } from './make-directory.ts';

export function writeAtomic(file: string, content: string): void {
  const dir = dirname(file);
  makeDirectory(dir);
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
