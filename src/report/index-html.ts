// reports/index.html: one self-contained page (inline CSS, no script, no
// network) for a check run — the run's facts, links to every file it wrote,
// the verdict table (proposal × check, each violation linking to its
// counterexample), the semantic-coverage heatmap (embedded), code coverage
// when the run collected it, and every counterexample laid out for reading:
// its steps as kernel calls with their results, the failing step marked,
// then the text report with the frames before and after. Pure.
import { basename } from 'node:path';
import { ALL_CHECKS } from '../check/checks.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { formatCall } from '../trace/format-call.ts';
import { htmlEscape } from './html-escape.ts';
import { runScopeLines } from './run-scope.ts';
import { type ProposalSummary, type RunInfo, verdictOf } from './summary.ts';

export interface IndexParts {
  /** The semantic-coverage heatmap page, embedded as it is written beside. */
  readonly heatmap?: string;
  /** coverage/index.html exists (check --coverage). */
  readonly coverage: boolean;
  /** The other files of the run, relative to the report directory. */
  readonly files: readonly string[];
}

const h = htmlEscape;
const anchor = (cx: Counterexample): string => `cx-${cx.proposal}-${cx.check}`.replace(/[^A-Za-z0-9_-]/g, '-');

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;color:#1b1f24;padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #d0d7de}h3{font-size:1em}
table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #d0d7de;padding:2px 6px;text-align:left}
th.v{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
td.holds{background:#dafbe1}td.violated{background:#ffd8d3;font-weight:bold}td.unfinished{background:#fff8c5}td.not-checked{color:#8c959f}
pre{background:#f6f8fa;padding:.6em;overflow-x:auto;font:12px/1.35 ui-monospace,monospace}
ol.steps li.failing{background:#ffd8d3}ol.steps code{font:12px ui-monospace,monospace}
iframe{width:100%;height:720px;border:1px solid #d0d7de}
.meta td:first-child{font-weight:bold}`;

function verdictTable(rows: readonly ProposalSummary[]): string {
  const head = `<tr><th>check</th>${rows.map((r) => `<th class="v">${h(r.name)}</th>`).join('')}</tr>`;
  const body = ALL_CHECKS.map((check) => {
    const cells = rows.map((r) => {
      const v = verdictOf(r, check);
      const cx = r.found.find((c) => c.check === check);
      const mark = v === 'violated' ? 'V' : v === 'holds' ? '.' : v === 'unfinished' ? '?' : '-';
      const inner = cx ? `<a href="#${anchor(cx)}" title="${h(`${cx.steps.length} steps`)}">${mark}</a>` : mark;
      return `<td class="${v.replace(' ', '-')}" title="${h(`${r.name}: ${check} ${v}`)}">${inner}</td>`;
    });
    return `<tr><td>${h(check)}</td>${cells.join('')}</tr>`;
  });
  return `<table id="verdicts">${head}${body.join('')}</table>`;
}

function counterexample(cx: Counterexample, row: ProposalSummary, text: string | undefined): string {
  const failing = cx.finding.stepIndex;
  const steps = cx.steps.map(({ step, result }, i) => `<li${i === failing ? ' class="failing"' : ''}><code>${h(formatCall(step, result))}</code></li>`);
  const files = row.files[cx.check];
  const links = files
    ? Object.values(files)
        // The page sits in the report directory: a link is the file's name (the paths name it from the working directory).
        .map((f) => `<a href="${h(basename(String(f)))}">${h(String(f))}</a>`)
        .join(' · ')
    : '';
  return [
    `<section class="counterexample" id="${anchor(cx)}">`,
    `<h3>${h(row.name)} violates ${h(cx.check)} (${cx.steps.length} steps)</h3>`,
    `<p>${h(cx.finding.message)}</p>`,
    links ? `<p>${links}</p>` : '',
    `<ol class="steps">${steps.join('')}</ol>`,
    `<p>Replay: <code>${h(cx.replay)}</code></p>`,
    text === undefined ? '' : `<details open><summary>text report (frames before → after)</summary><pre>${h(text)}</pre></details>`,
    '</section>',
  ].join('\n');
}

export function indexHtml(rows: readonly ProposalSummary[], info: RunInfo, texts: ReadonlyMap<Counterexample, string>, parts: IndexParts): string {
  const meta = [
    ['zdspec', info.zdspec],
    ['Node', info.node],
    ['generated', info.generated],
    ['seed', String(info.seed)],
    ['duration', `${(info.durationMs / 1000).toFixed(1)} s`],
    ...runScopeLines(info).map((line) => ['scope', line]),
    ...(info.interrupted ? [['interrupted', `${info.interrupted.signal}; to finish: ${info.interrupted.finish}`]] : []),
  ];
  const cxs = rows.flatMap((r) => r.found.map((cx) => counterexample(cx, r, texts.get(cx))));
  const files = ['summary.txt', 'summary.md', 'summary.json', ...parts.files.filter((f) => !f.startsWith('summary.'))];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>zdspec check report</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>zdspec check report</h1>',
    `<table class="meta">${meta.map(([k, v]) => `<tr><td>${h(k!)}</td><td>${h(v!)}</td></tr>`).join('')}</table>`,
    '<h2>Files</h2>',
    `<p id="files">${files.map((f) => `<a href="${h(f)}">${h(f)}</a>`).join(' · ')}</p>`,
    '<h2>Verdicts</h2>',
    '<p>V violated (links to the counterexample), . holds within the budget, ? unfinished, - not checked.</p>',
    verdictTable(rows),
    '<h2>Semantic coverage</h2>',
    parts.heatmap === undefined
      ? '<p>No semantic coverage was written.</p>'
      : `<iframe id="heatmap" title="semantic coverage heatmap" sandbox srcdoc="${h(parts.heatmap)}"></iframe><p><a href="semantic-coverage.html">semantic-coverage.html</a></p>`,
    '<h2>Code coverage</h2>',
    parts.coverage ? '<p><a href="coverage/index.html">coverage/index.html</a> (lcov: coverage/lcov.info)</p>' : '<p>Not collected: run <code>zdspec check … --coverage</code>.</p>',
    `<h2>Counterexamples (${cxs.length})</h2>`,
    cxs.length === 0 ? '<p>None: every checked invariant held within the budget.</p>' : cxs.join('\n'),
    '</body></html>',
    '',
  ].join('\n');
}
