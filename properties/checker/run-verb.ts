// Runs one CLI verb the way main() does (context, exit code), capturing its
// output: the tests reach `check`/`replay` without depending on main's wiring.
import { Command } from 'commander';
import { createContext, withContext } from '../../src/cli/cli-context.ts';

export async function runVerb(verb: Command, args: readonly string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const context = createContext({ out: (s) => void out.push(s), err: (s) => void out.push(s), isTTY: false });
  await withContext(context, async () => {
    const root = new Command('zdspec').exitOverride();
    root.addCommand(verb);
    await root.parseAsync([...args], { from: 'user' });
  });
  return { code: context.exitCode, out: out.join('') };
}
