// For tests: what a POSIX shell makes of pasted command lines — each
// `zdspec ...` command's argument words, as the shell splits, unquotes and
// joins them (" \" and "\" continuations included). A wrapped replay command
// is right when this equals what the unwrapped one gives.
import { spawnSync } from 'node:child_process';

export function shellArgv(commands: string): string[][] {
  // zdspec becomes a function printing its arguments, each NUL-terminated,
  // and \001 after each call.
  const script = `zdspec() { for a in "$@"; do printf '%s\\0' "$a"; done; printf '\\001'; }\n${commands}\n`;
  const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sh failed (${run.status}): ${run.stderr}`);
  return run.stdout
    .split('\u0001')
    .slice(0, -1)
    .map((call) => call.split('\0').slice(0, -1));
}
