// Writes one counterexample as text, Markdown and JSON beside each other:
// <dir>/<proposal>.<check>.{txt,md,json}. Re-runs the shrunk trace first
// (explain-counterexample.ts) for the per-step frames.
import { basename, extname, join } from 'node:path';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { buildDoc } from './counterexample-doc.ts';
import { counterexampleJson } from './counterexample-json.ts';
import { counterexampleMarkdown } from './counterexample-md.ts';
import { counterexampleText } from './counterexample-text.ts';
import { explainCounterexample } from './explain-counterexample.ts';
import { writeAtomic } from './write-atomic.ts';

export interface WrittenCounterexample {
  readonly txt: string;
  readonly md: string;
  readonly json: string;
  /** The text report, for printing. */
  readonly text: string;
}

/** Extensions of proposal files; a built-in name like 'hmm-v4.14' keeps its dots. */
const SOURCE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** A file-name-safe stem: a proposal path becomes its base name without the source extension. */
export function reportStem(cx: Counterexample): string {
  const ext = extname(cx.proposal);
  const name = basename(cx.proposal, SOURCE_EXTENSIONS.has(ext) ? ext : '').replace(/[^\w.-]+/g, '_');
  return `${name}.${cx.check}`;
}

export function writeCounterexample(
  cx: Counterexample,
  proposal: ResolvedProposal,
  dir: string,
  generated: string = new Date().toISOString(),
): WrittenCounterexample {
  const stem = join(dir, reportStem(cx));
  const files = { txt: `${stem}.txt`, md: `${stem}.md`, json: `${stem}.json` };
  const doc = buildDoc(explainCounterexample(cx, proposal), proposal, [`zdspec replay ${files.json}`, cx.replay]);
  const text = counterexampleText(doc, generated);
  writeAtomic(files.txt, text);
  writeAtomic(files.md, counterexampleMarkdown(doc, generated));
  writeAtomic(files.json, counterexampleJson(cx, generated));
  return { ...files, text };
}
