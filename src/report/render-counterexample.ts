// One counterexample as the three texts written beside each other: the
// 80-column text, Markdown and the JSON trace. Re-runs the shrunk trace first
// (explain-counterexample.ts) for the per-step frames. Pure: writing is the
// caller's (write-counterexample.ts, or the check verb's main thread when a
// worker thread rendered it).
import type { ResolvedProposal } from '../../models/proposals/proposal.ts';
import type { Counterexample } from '../check/counterexample.ts';
import { buildDoc } from './counterexample-doc.ts';
import { counterexampleJson } from './counterexample-json.ts';
import { counterexampleMarkdown } from './counterexample-md.ts';
import { counterexampleText } from './counterexample-text.ts';
import { explainCounterexample } from './explain-counterexample.ts';
import { shellQuote } from '../util/shell-quote.ts';

/** Where a counterexample's three files go (paths as a person would type them). */
export interface CounterexamplePaths {
  readonly txt: string;
  readonly md: string;
  readonly json: string;
}

export interface RenderedCounterexample {
  readonly txt: string;
  readonly md: string;
  readonly json: string;
}

export interface RenderOptions {
  /** The run's timestamp (every report of one run carries the same). */
  readonly generated: string;
  /** The JSON names a proposal file: replaying it needs --allow-proposal-file (a proposal is code). */
  readonly proposalIsFile?: boolean;
  /** The time limit of the re-run that explains the steps (default 2 s): the run's own, for a hung hook's counterexample. */
  readonly timeLimitMs?: number;
}

/** The first replay command of a report: `zdspec replay` of its JSON file (merge-reports writes it again for the file's new place). */
export const replayFileCommand = (json: string, proposalIsFile = false): string => ['zdspec', 'replay', json, ...(proposalIsFile ? ['--allow-proposal-file'] : [])].map(shellQuote).join(' ');

export function renderCounterexample(cx: Counterexample, proposal: ResolvedProposal, paths: CounterexamplePaths, o: RenderOptions): RenderedCounterexample {
  const doc = buildDoc(explainCounterexample(cx, proposal, o.timeLimitMs === undefined ? {} : { timeLimitMs: o.timeLimitMs }), proposal, [replayFileCommand(paths.json, o.proposalIsFile), cx.replay]);
  return {
    txt: counterexampleText(doc, o.generated),
    md: counterexampleMarkdown(doc, o.generated),
    json: counterexampleJson(cx, o.generated),
  };
}
