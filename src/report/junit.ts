// The summary of one `zdspec check` run as JUnit XML (junit.xml), for CI
// test reporters: one <testsuite> per proposal, one <testcase> per checked
// invariant and "refinement" (classname the proposal as given, name the
// check). A violated check is a <failure> (message: the one-line finding;
// text: the counterexample's text report, as in its .txt file); a check the
// search did not finish is <skipped/>; a proposal fault or a crash of the
// specification is an <error> testcase of its own, and so is a proposal
// whose search failed outright (name "search"). Every check runs in the one
// search, so a check that holds or was skipped takes the search's time; a
// found one the time to its first failing run plus its shrinking. Seconds.
// Pure: the caller writes the file.
import { ALL_CHECKS } from '../check/checks.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { STOPPING_CHECKS } from '../check/failure.ts';
import { type ProposalSummary, type RunInfo, verdictOf } from './summary.ts';

// Characters XML 1.0 does not allow at all, even as references (lone surrogates too).
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const text = (s: string): string => s.replace(ILLEGAL, '').replace(/[&<>\r]/g, (ch) => ENTITIES[ch]!);
const attr = (s: string | number): string =>
  String(s)
    .replace(ILLEGAL, '')
    .replace(/[&<>"'\t\n\r]/g, (ch) => ENTITIES[ch]!);
const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);
const oneLine = (s: string): string => s.replace(ILLEGAL, '').replace(/\s+/g, ' ').trim();

interface Case {
  readonly name: string;
  readonly ms: number;
  readonly body?: { readonly tag: 'failure' | 'error' | 'skipped'; readonly message: string; readonly type?: string; readonly text?: string };
}

function finding(cx: Counterexample, tag: 'failure' | 'error', texts: ReadonlyMap<Counterexample, string>): Case {
  const at = `${cx.check} at step ${cx.finding.stepIndex + 1} of ${cx.steps.length}: ${cx.finding.message}`;
  return { name: cx.check, ms: cx.timing.msToFirst + cx.timing.shrinkMs, body: { tag, message: oneLine(at), type: cx.finding.kind, text: texts.get(cx) ?? `${at}\n` } };
}

function casesOf(row: ProposalSummary, texts: ReadonlyMap<Counterexample, string>): Case[] {
  const cases: Case[] = [];
  for (const check of ALL_CHECKS) {
    const verdict = verdictOf(row, check);
    const cx = row.found.find((c) => c.check === check);
    if (verdict === 'not checked') continue;
    if (cx) cases.push(finding(cx, 'failure', texts));
    else if (verdict === 'holds') cases.push({ name: check, ms: row.elapsedMs });
    else {
      const unshrunk = row.unshrunk[check];
      const stop = row.found.find((c) => STOPPING_CHECKS.includes(c.check))?.check;
      const why = `unfinished: the search ${stop ? `stopped at ${stop}` : `is ${row.status}`}${unshrunk ? `; a counterexample not fully shrunk: ${unshrunk}` : ''}`;
      cases.push({ name: check, ms: row.elapsedMs, body: { tag: 'skipped', message: why } });
    }
  }
  for (const cx of row.found) if (STOPPING_CHECKS.includes(cx.check)) cases.push(finding(cx, 'error', texts));
  if (row.error !== undefined) cases.push({ name: 'search', ms: row.elapsedMs, body: { tag: 'error', message: oneLine(row.error), type: row.status, text: `${row.error}\n` } });
  return cases;
}

const count = (cases: readonly Case[]) => ({
  tests: cases.length,
  failures: cases.filter((c) => c.body?.tag === 'failure').length,
  errors: cases.filter((c) => c.body?.tag === 'error').length,
  skipped: cases.filter((c) => c.body?.tag === 'skipped').length,
});
const counts = (n: ReturnType<typeof count>): string => `tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}"`;

/** junit.xml for a check run: the rows and run info the other summaries take, and each counterexample's text report. */
export function junitXml(rows: readonly ProposalSummary[], info: RunInfo, texts: ReadonlyMap<Counterexample, string>): string {
  const suites = rows.map((row) => ({ row, cases: casesOf(row, texts) }));
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="zdspec check" ${counts(count(suites.flatMap((s) => s.cases)))} time="${seconds(info.durationMs)}" timestamp="${attr(info.generated)}">`);
  for (const { row, cases } of suites) {
    const name = attr(row.proposal);
    out.push(`  <testsuite name="${name}" ${counts(count(cases))} time="${seconds(row.elapsedMs)}" timestamp="${attr(info.generated)}">`);
    out.push('    <properties>');
    const props = {
      era: row.era,
      status: row.status,
      seed: info.seed,
      runs: row.runs,
      commands: row.commands,
      zdspec: info.zdspec,
      node: info.node,
      ...(info.interrupted ? { interrupted: info.interrupted.signal } : {}),
    };
    for (const [k, v] of Object.entries(props)) out.push(`      <property name="${k}" value="${attr(v)}"/>`);
    out.push('    </properties>');
    for (const c of cases) {
      const open = `    <testcase classname="${name}" name="${attr(c.name)}" time="${seconds(c.ms)}"`;
      const b = c.body;
      if (b === undefined) out.push(`${open}/>`);
      else if (b.text === undefined) out.push(`${open}>`, `      <${b.tag} message="${attr(b.message)}"/>`, '    </testcase>');
      else out.push(`${open}>`, `      <${b.tag} message="${attr(b.message)}"${b.type ? ` type="${attr(b.type)}"` : ''}>${text(b.text)}</${b.tag}>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
