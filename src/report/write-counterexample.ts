// Writes one counterexample as text, Markdown and JSON beside each other:
// <dir>/<stem>.{txt,md,json}, each atomically.
import { basename, extname, join } from 'node:path';
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { type CounterexamplePaths, renderCounterexample } from './render-counterexample.ts';
import { writeAtomic } from './write-atomic.ts';

export interface WrittenCounterexample extends CounterexamplePaths {
  /** The text report, for printing. */
  readonly text: string;
}

/** Extensions of proposal files; a built-in name like 'hmm-v4.14' keeps its dots. */
const SOURCE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** A file-name-safe stem: a proposal path becomes its base name without the source extension. */
export function reportStem(cx: Pick<Counterexample, 'proposal' | 'check'>): string {
  const ext = extname(cx.proposal);
  const name = basename(cx.proposal, SOURCE_EXTENSIONS.has(ext) ? ext : '').replace(/[^\w.-]+/g, '_');
  return `${name}.${cx.check}`;
}

export const counterexamplePaths = (dir: string, stem: string): CounterexamplePaths => {
  const base = join(dir, stem);
  return { txt: `${base}.txt`, md: `${base}.md`, json: `${base}.json` };
};

export function writeCounterexample(cx: Counterexample, proposal: ResolvedProposal, dir: string, generated: string = new Date().toISOString(), stem: string = reportStem(cx)): WrittenCounterexample {
  const paths = counterexamplePaths(dir, stem);
  const rendered = renderCounterexample(cx, proposal, paths, { generated });
  writeAtomic(paths.txt, rendered.txt);
  writeAtomic(paths.md, rendered.md);
  writeAtomic(paths.json, rendered.json);
  return { ...paths, text: rendered.txt };
}
