// What the run/replay CLI tests share: a scratch directory for traces and
// proposal files, main() with captured output, and the coherent-v1
// counterexample `zdspec check coherent-v1 --seed 1` writes (step 4's
// long-term pin of a coherent page breaks no-longterm-pin-coherent), with
// each step's recorded result.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ALL_CHECKS } from '../check/checks.ts';
import { main } from './main.ts';

const COHERENT_PIN_STEPS = [
  { op: 'memremap_pages', args: { type: 'COHERENT', owner: 'dmirror0', npages: 1 }, recorded: { pgmap: 'pgmap0' } },
  { op: 'mmap', args: { proc: 'p0', npages: 2, kind: 'anon', shared: false, prot: 'write' }, recorded: { vpn: 0 } },
  { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 2, pgmap: 'pgmap0' }, recorded: { errno: 'ENOENT' } },
  { op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: false, longterm: true, fast: false }, recorded: { pin: 'pin0' } },
];

export function runReplaySandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'zdspec-run-replay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const zdspec = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false });
    return { code, out, err };
  };
  const counterexample = (proposal: string, { recorded = true } = {}) => ({
    proposal,
    steps: recorded ? COHERENT_PIN_STEPS : COHERENT_PIN_STEPS.map(({ recorded: _r, ...step }) => step),
    counterexample: {
      check: 'no-longterm-pin-coherent',
      kind: 'invariant',
      side: 'kernel',
      step: 4,
      message: 'pfn 256 (COHERENT, pgmap0 index 0): long-term pin pin0 held by p0',
      seed: 1,
      path: '5:3:4:7:5:5:5:5:5:5:5:5@FABTv:V',
      replay: 'zdspec check coherent-v1 --seed 1',
      checks: ALL_CHECKS,
      maxCommands: 40,
      generated: '2026-01-01T00:00:00.000Z',
    },
  });
  const proposalFile = (name: string, hooks: string): string => file(`${name}.mjs`, `export default { name: '${name}', title: 't', source: 's', extends: 'upstream', hooks: { ${hooks} } };\n`);
  return { file, zdspec, counterexample, cx: file('cx.json', counterexample('coherent-v1')), proposalFile };
}
