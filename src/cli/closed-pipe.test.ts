// `zdspec list | head`: a reader that closes the pipe ends zdspec quietly
// with exit 0 — through zdspec's own exit, which the process guard (a
// proposal cannot end the process) must leave working.
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';

const BIN = new URL('../../bin/zdspec.js', import.meta.url).pathname;

it('a closed stdout pipe ends zdspec with exit 0 and no stack trace', async () => {
  const child = spawn(process.execPath, [BIN, 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => void (err += d));
  // Read one chunk, then close our end, as `head -1` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(err).toBe('');
  expect(code).toBe(0);
}, 30_000);
