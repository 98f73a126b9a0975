// junit.xml as a CI test reporter reads it: well-formed XML 1.0 (checked by
// a strict little reader below: balanced tags, only the five entities and
// references to legal characters, no raw markup or illegal character), one
// testcase per proposal × checked check, a violation a <failure> carrying
// its counterexample's text report, an unfinished check <skipped/>, a
// proposal fault <error>, and a hostile title, name and message survive.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../check/checks.ts';
import type { Counterexample } from '../check/counterexample.ts';
import type { CheckId, FindingKind, RanStep } from '../check/failure.ts';
import { junitXml } from './junit.ts';
import type { ProposalSummary, RunInfo } from './summary.ts';

interface El {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: El[];
  text: string;
}

const LEGAL = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (!LEGAL.test(raw)) throw new Error(`illegal character in ${where}`);
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`raw markup in ${where}: ${raw}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) => {
    if (!ref.startsWith('#')) return NAMED[ref]!;
    const ch = String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    if (!LEGAL.test(ch)) throw new Error(`reference to an illegal character in ${where}`);
    return ch;
  });
}

/** The document element of a well-formed XML text (no DTD, comments or CDATA: junit.xml has none); throws otherwise. */
function parseXml(xml: string): El {
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('no XML declaration');
  const stack: El[] = [];
  let root: El | undefined;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  token.lastIndex = decl[0].length;
  while (token.lastIndex < xml.length) {
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${token.lastIndex}: ${xml.slice(token.lastIndex, token.lastIndex + 40)}`);
    const [, close, name, attrText, selfClose, text] = m;
    const top = stack.at(-1);
    if (text !== undefined) {
      if (top) top.text += decode(text, 'text');
      else if (text.trim() !== '') throw new Error('text outside the document element');
      continue;
    }
    if (close) {
      if (top?.name !== name) throw new Error(`</${name}> closes <${top?.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, k, v] of (attrText ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (k! in attrs) throw new Error(`attribute ${k} twice`);
      attrs[k!] = decode(v!, `attribute ${k}`);
    }
    const el: El = { name: name!, attrs, children: [], text: '' };
    if (top) top.children.push(el);
    else if (root) throw new Error('a second document element');
    else root = el;
    if (!selfClose) stack.push(el);
  }
  if (!root || stack.length > 0) throw new Error('unclosed element');
  return root;
}

const kids = (el: El, name: string): El[] => el.children.filter((c) => c.name === name);

// A title, name and message built to break XML: markup, quotes, a CDATA end,
// control characters (illegal in XML 1.0 even as references), U+FFFE and a
// lone surrogate; tab, newline and a surrogate pair are legal and stay.
const HOSTILE = 'evil <&"]]>\'\u0000\u0001\u0008\u000b\u001b\uFFFE\uD800 \t\n 😀 end';
const STRIPPED = 'evil <&"]]>\' \t\n 😀 end';

function cx(check: CheckId, kind: FindingKind, message: string): Counterexample {
  const steps = [{ step: { op: 'mmap' } }, { step: { op: 'munmap' } }] as unknown as RanStep[];
  return {
    proposal: 'p',
    era: 'v6.1',
    check,
    finding: { kind, check, stepIndex: 1, message },
    steps,
    trace: { steps: [] },
    seed: 1,
    path: '1:1',
    replay: 'zdspec check p --seed 1',
    checks: [...ALL_CHECKS],
    maxCommands: 5,
    timing: { runsToFirst: 3, msToFirst: 1250, shrinks: 2, shrinkMs: 250 },
  };
}

function row(proposal: string, o: Partial<ProposalSummary> = {}): ProposalSummary {
  return { proposal, name: proposal, era: 'v6.1', status: 'done', runs: 10, commands: 50, elapsedMs: 2000, timeLimited: false, checks: [...ALL_CHECKS], found: [], files: {}, unshrunk: {}, ...o };
}

const INFO: RunInfo = { zdspec: '0.1.0', node: 'v20', generated: '2026-01-01T00:00:00.000Z', durationMs: 4500, seed: 7, options: {} };

describe("the test's XML reader", () => {
  it('refuses what is not well-formed XML 1.0', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(parseXml(`${head}<a b="&lt;&#10;">x &amp; y<c/></a>\n`)).toMatchObject({ name: 'a', attrs: { b: '<\n' }, text: 'x & y' });
    for (const bad of ['<a>x < y</a>', '<a>x & y</a>', '<a b="<"/>', '<a>\u0001</a>', '<a>&#1;</a>', '<a><b></a></b>', '<a>', '<a/><b/>', '<a>&nbsp;</a>']) {
      expect(() => parseXml(`${head}${bad}`), bad).toThrow();
    }
  });
});

describe('junitXml', () => {
  const violation = cx('no-longterm-pin-coherent', 'invariant', `pin held ${HOSTILE}`);
  const crash = cx('proposal-crashed', 'proposal-crashed', 'hook threw: TypeError: x is undefined');
  const report = `zdspec counterexample: ${HOSTILE} violates no-longterm-pin-coherent\n\nProposal: ${HOSTILE} -- title ${HOSTILE}\n  1  mmap(...) <-- fails\n`;
  const rows = [
    row(HOSTILE, { found: [violation] }),
    row('upstream'),
    row('interrupted.ts', { status: 'interrupted', checks: ['free-once', 'refinement'], unshrunk: { 'free-once': 'r/x.free-once.unshrunk.json' } }),
    row('crashes.ts', { found: [crash] }),
    row('broken.ts', { status: 'failed', error: 'cannot load\nbroken.ts' }),
  ];
  const doc = parseXml(junitXml(rows, INFO, new Map([[violation, report]])));
  const suites = kids(doc, 'testsuite');
  const cases = (i: number) => kids(suites[i]!, 'testcase');

  it('is one testsuite per proposal, one testcase per checked check, with consistent counts', () => {
    expect(doc.name).toBe('testsuites');
    expect(suites.map((s) => s.attrs.name)).toEqual([STRIPPED, 'upstream', 'interrupted.ts', 'crashes.ts', 'broken.ts']);
    expect(suites.map((s) => cases(suites.indexOf(s)).length)).toEqual([ALL_CHECKS.length, ALL_CHECKS.length, 2, ALL_CHECKS.length + 1, ALL_CHECKS.length + 1]);
    expect(cases(1).map((c) => [c.attrs.classname, c.attrs.name, c.children.length])).toEqual(ALL_CHECKS.map((k) => ['upstream', k, 0]));
    for (const s of suites) {
      const cs = kids(s, 'testcase');
      const n = (tag: string) => String(cs.filter((c) => kids(c, tag).length > 0).length);
      expect([s.attrs.tests, s.attrs.failures, s.attrs.errors, s.attrs.skipped]).toEqual([String(cs.length), n('failure'), n('error'), n('skipped')]);
    }
    expect([doc.attrs.tests, doc.attrs.failures, doc.attrs.errors, doc.attrs.skipped]).toEqual([4 * ALL_CHECKS.length + 4, 1, 2, 2 * ALL_CHECKS.length + 2].map(String));
    expect([doc.attrs.time, suites[0]!.attrs.time, cases(1)[0]!.attrs.time]).toEqual(['4.500', '2.000', '2.000']);
  });

  it('makes a violation a failure: the one-line finding, the counterexample text report', () => {
    const failed = cases(0).filter((c) => kids(c, 'failure').length > 0);
    expect(failed.map((c) => c.attrs.name)).toEqual(['no-longterm-pin-coherent']);
    const failure = kids(failed[0]!, 'failure')[0]!;
    expect(failure.attrs.message).toBe(`no-longterm-pin-coherent at step 2 of 2: pin held ${STRIPPED.replace(/\s+/g, ' ')}`);
    expect(failure.attrs.message).not.toMatch(/\n/);
    expect(failure.attrs.type).toBe('invariant');
    expect(failure.text).toBe(report.replace(/[\u0000-\u0008\u000b\u001b\uFFFE\uD800]/g, ''));
    expect(failure.text).toContain(`title ${STRIPPED}`);
    expect(failed[0]!.attrs.time).toBe('1.500');
    expect(failed[0]!.attrs.classname).toBe(STRIPPED);
  });

  it('skips what did not finish and makes a proposal fault or a failed search an error', () => {
    expect(cases(2).map((c) => [c.attrs.name, kids(c, 'skipped').length])).toEqual([
      ['free-once', 1],
      ['refinement', 1],
    ]);
    expect(kids(cases(2)[0]!, 'skipped')[0]!.attrs.message).toContain('r/x.free-once.unshrunk.json');
    const crashed = cases(3);
    expect(crashed.slice(0, -1).every((c) => kids(c, 'skipped').length === 1)).toBe(true);
    expect(crashed.at(-1)!.attrs.name).toBe('proposal-crashed');
    expect(kids(crashed.at(-1)!, 'error')[0]!.attrs).toMatchObject({ type: 'proposal-crashed', message: 'proposal-crashed at step 2 of 2: hook threw: TypeError: x is undefined' });
    const failed = cases(4).at(-1)!;
    expect([failed.attrs.name, kids(failed, 'error')[0]!.attrs.message]).toEqual(['search', 'cannot load broken.ts']);
  });
});
