// The README documents the vocabulary: every invariant (id, statement), every
// built-in proposal and every operation. This keeps it current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../models/ops.ts';
import { HOOK_NAMES } from '../models/kernel/hooks.ts';
import { BUILTIN_NAMES } from '../models/proposals/registry.ts';
import { INVARIANTS } from '../models/invariants/all.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.split('<!-- invariants-table:start -->')[1]?.split('<!-- invariants-table:end -->')[0] ?? '';

describe('README', () => {
  it.each(INVARIANTS.map((i) => [i.id, i] as const))('invariants table has %s with its statement and guards', (id, inv) => {
    const row = table.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `no row for ${id}`).toBeDefined();
    expect(row).toContain(inv.statement.replace(/\|/g, '\\|'));
    for (const guard of inv.guards) expect(row).toContain(`\`${guard.split(': ')[1]}\``);
  });

  it('names every built-in proposal, operation and hook', () => {
    for (const name of [...BUILTIN_NAMES, ...OP_NAMES, ...HOOK_NAMES]) {
      // `name` or `name(args)` in backticks
      expect(readme.includes(`\`${name}\``) || readme.includes(`\`${name}(`), name).toBe(true);
    }
  });
});
