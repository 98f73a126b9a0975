// semantic-coverage.html: one self-contained page (inline CSS and SVG, no
// script, nothing fetched; the SVG is inline, without even a namespace URL) — the heatmap of operations (down) × memory
// types (across, SYSTEM first), coloured by count on a log scale, cells the
// era asks for and never reached hatched and marked ✕; then the classes,
// outcomes per operation, PTE-kind transitions, hook decisions and
// invariant applicability.
import { htmlEscape } from '../../report/html-escape.ts';
import type { SemanticCoverage } from './merge.ts';
import type { SemanticRunInfo } from './render-json.ts';
import { CLASS_MEANING } from './scope.ts';
import { classRows, heatmap, hookRows, interleavingRows, invariantRows, outcomeColumns, outcomesOf, percent, pteKinds, type HeatCell } from './tables.ts';

const esc = htmlEscape;

// Light to dark blue; a count's position is log(1 + n) / log(1 + max).
const LOW = [0xe8, 0xf1, 0xfa] as const;
const HIGH = [0x08, 0x30, 0x6b] as const;
const mix = (t: number): string =>
  `#${LOW.map((lo, i) =>
    Math.round(lo + (HIGH[i]! - lo) * t)
      .toString(16)
      .padStart(2, '0'),
  ).join('')}`;
export const shade = (n: number, max: number): number => (n <= 0 || max <= 0 ? 0 : Math.log1p(n) / Math.log1p(max));

const CSS = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #1b1f24; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #d0d7de; padding: 2px 6px; text-align: right; }
th { background: #f6f8fa; font-weight: 600; }
th.op, td.op { text-align: left; font-family: ui-monospace, monospace; }
td.c { min-width: 3.5em; text-align: center; }
td.na { background: #fafafa; color: #b0b7bf; }
td.never { color: #a40e26; font-weight: 700; background: repeating-linear-gradient(45deg, #ffe3e6 0 4px, #fff 4px 8px); }
td.zero { color: #b0b7bf; }
.miss { color: #a40e26; }
code { font-family: ui-monospace, monospace; }
.legend { display: flex; gap: 1.5em; align-items: center; margin: .5em 0 1em; }
`;

function heatCell(op: string, c: HeatCell, max: number): string {
  const attrs = `data-op="${esc(op)}" data-type="${esc(c.column)}"`;
  if (c.state === 'never') return `<td class="c never" ${attrs} title="${esc(`${op} on ${c.column}: never reached`)}">✕</td>`;
  if (c.state === 'na') return `<td class="c na" ${attrs} title="${esc(`${op} on ${c.column}: not applicable`)}">·</td>`;
  const t = shade(c.count, max);
  const title = `${op} on ${c.column}: ${Object.entries(c.outcomes)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`;
  return `<td class="c" ${attrs} style="background:${mix(t)};color:${t > 0.55 ? '#fff' : '#1b1f24'}" title="${esc(title)}">${c.count}</td>`;
}

function legend(max: number): string {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `<stop offset="${t}" stop-color="${mix(t)}"/>`).join('');
  const svg =
    `<svg width="220" height="34" role="img" aria-label="count, log scale">` +
    `<defs><linearGradient id="g">${stops}</linearGradient></defs>` +
    `<rect x="0" y="0" width="220" height="16" fill="url(#g)" stroke="#d0d7de"/>` +
    `<text x="0" y="30" font-size="11">1</text><text x="220" y="30" font-size="11" text-anchor="end">${max} (log scale)</text></svg>`;
  const never =
    `<svg width="110" height="18"><defs><pattern id="h2" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="8" fill="#ffe3e6"/></pattern></defs>` +
    `<rect width="18" height="16" fill="url(#h2)" stroke="#a40e26"/><text x="9" y="12" font-size="11" text-anchor="middle" fill="#a40e26">✕</text><text x="24" y="12" font-size="11">never reached</text></svg>`;
  return `<div class="legend">${svg}${never}<span class="na">· not applicable</span></div>`;
}

export function semanticHtml(cov: SemanticCoverage, info: SemanticRunInfo): string {
  const h = heatmap(cov);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">', '<title>zdspec semantic coverage</title>', `<style>${CSS}</style></head><body>`);
  out.push('<h1>Semantic coverage</h1>');
  out.push(
    `<p>Generated ${esc(info.generated)}, seed ${esc(info.seed)}; ${cov.total.steps} kernel steps of ${cov.jobs.map((j) => `<code>${esc(j.proposal)}</code> (${esc(j.era)})`).join(', ') || 'no finished proposal'}.</p>`,
  );

  out.push(
    '<h2>Operations × memory types</h2>',
    '<p>How often each operation ran on a frame (or pgmap) of each memory type; <span class="miss">✕</span> on an operation: it never succeeded.</p>',
    legend(h.max),
  );
  out.push('<table class="heatmap"><thead><tr><th class="op">operation</th>', ...h.columns.map((c) => `<th>${esc(c)}</th>`), '<th>skipped</th></tr></thead><tbody>');
  for (const r of h.rows) {
    const name = `<code>${esc(r.op)}</code>${r.neverSucceeded ? ' <span class="miss" title="never succeeded">✕</span>' : ''}`;
    out.push(`<tr><td class="op">${name}</td>${r.cells.map((c) => heatCell(r.op, c, h.max)).join('')}<td class="${r.skipped === 0 ? 'zero' : ''}">${r.skipped}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push('<h2>Classes</h2>', '<table><thead><tr><th class="op">class</th><th class="op">asks for</th><th>reached</th><th class="op">never reached</th></tr></thead><tbody>');
  for (const c of classRows(cov)) {
    const req = info.required.includes(c.cls) ? ' (required)' : '';
    const missing = c.missing.length === 0 ? '—' : `<span class="miss">${c.missing.map((m) => `<code>${esc(m)}</code>`).join(', ')}</span>`;
    out.push(`<tr><td class="op"><code>${esc(c.cls)}</code>${req}</td><td class="op">${esc(CLASS_MEANING[c.cls])}</td><td>${c.reached} / ${c.cells}</td><td class="op">${missing}</td></tr>`);
  }
  out.push('</tbody></table>');

  const outcomes = outcomeColumns(cov);
  out.push('<h2>Outcomes per operation</h2>', '<table><thead><tr><th class="op">operation</th>', ...outcomes.map((o) => `<th>${esc(o)}</th>`), '</tr></thead><tbody>');
  for (const r of h.rows) {
    const t = outcomesOf(cov, r.op);
    out.push(`<tr><td class="op"><code>${esc(r.op)}</code></td>${outcomes.map((o) => `<td class="${(t[o] ?? 0) === 0 ? 'zero' : ''}">${t[o] ?? 0}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table>');

  const kinds = pteKinds();
  let pteMax = 0;
  for (const to of Object.values(cov.total.pte)) for (const n of Object.values(to)) pteMax = Math.max(pteMax, n);
  out.push(
    '<h2>PTE-kind transitions</h2>',
    '<p>Rows: the entry before a step; columns: after it (<code>none</code>: no entry). The diagonal counts entries that kept their kind but changed frame or write bit.</p>',
  );
  out.push('<table><thead><tr><th class="op">before \\ after</th>', ...kinds.map((k) => `<th>${esc(k)}</th>`), '</tr></thead><tbody>');
  for (const from of kinds) {
    const cells = kinds.map((to) => {
      const n = cov.total.pte[from]?.[to] ?? 0;
      if (n === 0) return '<td class="c zero">0</td>';
      const t = shade(n, pteMax);
      return `<td class="c" style="background:${mix(t)};color:${t > 0.55 ? '#fff' : '#1b1f24'}">${n}</td>`;
    });
    out.push(`<tr><td class="op">${esc(from)}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table>');

  out.push('<h2>Hook decisions</h2>', '<table><thead><tr><th class="op">hook</th><th>calls</th><th class="op">decisions</th></tr></thead><tbody>');
  for (const r of hookRows(cov)) {
    const calls = r.calls === 0 && r.asked ? '<td class="never">✕ 0</td>' : `<td>${r.calls}</td>`;
    out.push(`<tr><td class="op"><code>${esc(r.hook)}</code></td>${calls}<td class="op">${r.decisions.map(([d, n]) => `<code>${esc(d)}</code> ${n}`).join(', ')}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push('<h2>Interleaving points</h2>', '<p>Threads paused at each point and resumed from it (<code>check --threads</code>).</p>');
  out.push('<table><thead><tr><th class="op">point</th><th>paused</th><th>resumed</th></tr></thead><tbody>');
  for (const r of interleavingRows(cov)) {
    const resumed = r.resumed === 0 && r.asked ? '<td class="never">✕ 0</td>' : `<td>${r.resumed}</td>`;
    out.push(`<tr><td class="op"><code>${esc(r.point)}</code></td><td>${r.paused}</td>${resumed}</tr>`);
  }
  out.push('</tbody></table>');

  out.push('<h2>Invariant applicability</h2>', '<p>How often each invariant was judged on a kernel state where it could have failed (its <code>applies</code> premise held).</p>');
  out.push('<table><thead><tr><th class="op">invariant</th><th>evaluated</th><th>applicable</th><th>share</th></tr></thead><tbody>');
  for (const r of invariantRows(cov)) {
    const applicable = r.applicable === 0 && r.asked ? '<td class="never">✕ 0</td>' : `<td>${r.applicable}</td>`;
    out.push(`<tr><td class="op"><code>${esc(r.id)}</code></td><td>${r.asked ? r.evaluated : 'not checked'}</td>${applicable}<td>${percent(r.applicable, r.evaluated)}</td></tr>`);
  }
  out.push('</tbody></table>', '</body></html>');
  return `${out.join('\n')}\n`;
}
