// The semantic-coverage reports: the HTML page is self-contained (no URL, no
// script, nothing fetched), has a heatmap cell for every operation × memory
// type, marks the cells asked for and never reached, and shades by count on
// a log scale; the Markdown and JSON carry the same tables and classes.
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../../models/ops.ts';
import { resolveBuiltin } from '../../../models/proposals/resolve-proposal.ts';
import { emptyStats } from '../../check/stats.ts';
import { createPair } from '../../runner/create-pair.ts';
import { createSemanticCollector } from './collector.ts';
import { jobSemantic, mergeJobs, type SemanticCoverage } from './merge.ts';
import { semanticHtml, shade } from './render-html.ts';
import { semanticJson } from './render-json.ts';
import { semanticMarkdown } from './render-md.ts';

function coverage(): SemanticCoverage {
  const collector = createSemanticCollector();
  const pair = collector.createPair(createPair, resolveBuiltin('upstream'), {});
  pair.step({ op: 'mmap', args: { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' } });
  pair.step({ op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 1 } });
  pair.step({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 } });
  const stats = emptyStats();
  stats.put_page.skipped = 3;
  return mergeJobs([jobSemantic('upstream', resolveBuiltin('upstream').era, undefined, ['refcount-expected'], stats, collector)]);
}

const INFO = { generated: '2026-01-01T00:00:00.000Z', seed: 1, required: ['ops' as const] };

describe('semantic coverage: the reports', () => {
  it('HTML: self-contained, a cell per operation × memory type, never-reached cells marked', () => {
    const cov = coverage();
    const html = semanticHtml(cov, INFO);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\((?!#)/i);
    expect(html).toContain('<svg');
    for (const op of OP_NAMES) {
      for (const type of cov.columns) expect(html, `${op} × ${type}`).toContain(`data-op="${op}" data-type="${type}"`);
    }
    // cpu_read ran once on a system page; on COHERENT memory (upstream has it) never.
    expect(html).toMatch(/<td class="c" data-op="cpu_read" data-type="SYSTEM" style="background:#[0-9a-f]{6};[^"]*" title="cpu_read on SYSTEM: success 1">1<\/td>/);
    expect(html).toContain('<td class="c never" data-op="cpu_read" data-type="COHERENT" title="cpu_read on COHERENT: never reached">✕</td>');
    // fork is about no frame: not applicable, not "never reached".
    expect(html).toContain('<td class="c na" data-op="fork" data-type="SYSTEM"');
    expect(html).toMatch(/td\.never \{[^}]*repeating-linear-gradient/);
    expect(html).toContain('<h2>PTE-kind transitions</h2>');
    expect(html).toContain('<h2>Hook decisions</h2>');
    expect(html).toContain('<h2>Invariant applicability</h2>');
  });

  it('shades on a log scale', () => {
    expect(shade(0, 100)).toBe(0);
    expect(shade(100, 100)).toBe(1);
    expect(shade(9, 99)).toBeCloseTo(0.5, 5);
  });

  it('Markdown and JSON: the same cells, classes and what the minimum required', () => {
    const cov = coverage();
    const md = semanticMarkdown(cov, INFO);
    expect(md).toContain('| `cpu_read` | 1 | ✕ | ✕ | ✕ | ✕ | ✕ | · | 0 |');
    expect(md).toContain('| `put_page` ✕ | ✕ | · | ✕ | ✕ | ✕ | · | · | 3 |');
    expect(md).toContain('| `none` | 0 | 1 | 0 | 0 | 0 | 0 | 0 |');
    const json = JSON.parse(semanticJson(cov, INFO)) as { steps: number; classes: Record<string, { missing: string[] }>; minimum: { failed: string[] }; ops: unknown };
    expect(json.steps).toBe(3);
    expect(json.ops).toEqual({ mmap: { none: { success: 1 } }, cpu_write: { none: { success: 1 } }, cpu_read: { SYSTEM: { success: 1 } }, put_page: { none: { skipped: 3 } } });
    expect(json.classes.ops?.missing).toContain('put_page');
    expect(json.minimum.failed).toEqual(['ops']);
  });
});
