// The built-in proposals' litmus headers and verdict tables: every invariant
// has an expected verdict, every violation says why, and the `Result:` block
// of each file's header says the same as the object.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERA_NAMES } from '../../models/eras/era.ts';
import { BUILTIN_NAMES, BUILTIN_PROPOSALS, builtinProposal } from '../../models/proposals/registry.ts';
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';

const sourceOf = (name: string) => readFileSync(new URL(`../../models/proposals/builtin/${name}.ts`, import.meta.url), 'utf8');

/** The `// Result:` block: one `//   <invariant-id>  holds|violated` line per invariant. */
function resultBlock(source: string): Record<string, string> {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.trim() === '// Result:');
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\/\/ {3}([a-z-]+) +(holds|violated)$/.exec(line);
    if (!m) break;
    out[m[1] as string] = m[2] as string;
  }
  return out;
}

describe('built-in proposals', () => {
  it('are the eight of DESIGN §4 plus v6.2–v6.12, in order, with unique names', () => {
    expect(BUILTIN_NAMES).toEqual(['hmm-v4.14', 'devmap-v5.x', 'coherent-v1', 'coherent-v4', 'v6.0', 'v6.1', 'v6.2', 'upstream', 'cdm-numa-rfc']);
    expect(new Set(BUILTIN_NAMES).size).toBe(BUILTIN_NAMES.length);
  });

  it('extend only built-ins listed before them, and run in a known era', () => {
    BUILTIN_PROPOSALS.forEach((p, i) => {
      if (p.extends !== null) expect(BUILTIN_NAMES.slice(0, i)).toContain(p.extends);
      expect(ERA_NAMES).toContain(p.baseEra);
      const parent = p.extends === null ? undefined : builtinProposal(p.extends);
      if (parent) expect(p.baseEra).toBe(parent.baseEra);
    });
  });

  it('builtinProposal finds each by name and nothing else', () => {
    for (const p of BUILTIN_PROPOSALS) expect(builtinProposal(p.name)).toBe(p);
    expect(builtinProposal('v6.3')).toBeUndefined();
  });

  describe.each(BUILTIN_PROPOSALS.map((p) => [p.name, p] as const))('%s', (name, p) => {
    it('has an expected verdict for every invariant id and no other', () => {
      expect(Object.keys(p.expected).sort()).toEqual([...INVARIANT_IDS].sort());
      for (const id of INVARIANT_IDS) expect(['holds', 'violated']).toContain(p.expected[id]);
    });

    it('explains every violation, and only violations', () => {
      for (const id of INVARIANT_IDS) {
        const why = p.why?.[id];
        if (p.expected[id] === 'violated') expect(why?.length ?? 0, `${name}: why['${id}']`).toBeGreaterThan(20);
        else expect(why, `${name}: why['${id}'] for a verdict of holds`).toBeUndefined();
      }
    });

    it("has a litmus header whose Result: block matches 'expected'", () => {
      const source = sourceOf(name);
      expect(source.startsWith(`// ${name}\n`)).toBe(true);
      expect(source).toMatch(/^\/\/ Title: {2}\S/m);
      expect(source).toMatch(/^\/\/ Source: \S/m);
      expect(resultBlock(source)).toEqual(p.expected);
    });

    it('has a title, source and summary', () => {
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(0);
      expect(p.summary.length).toBeGreaterThan(40);
    });
  });
});
