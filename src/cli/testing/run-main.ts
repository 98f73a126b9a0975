// The CLI in-process, for tests: main() with its output captured and no
// terminal, so a test reads exactly what a user would see and the exit code.
import { main } from '../main.ts';

export async function runMain(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false });
  return { code, out, err };
}
