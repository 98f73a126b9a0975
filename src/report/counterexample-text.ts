// A counterexample as plain text that fits 80 columns, to paste into a patch
// review email: every line, whatever the proposal's path, title or messages
// (wrap.ts breaks even a single overlong word), and the replay commands are
// wrapped with " \" continuations so they still paste into a shell
// (wrap-command.ts). The only line that changes between identical runs is
// the "Generated:" timestamp.
import type { CounterexampleDoc } from './counterexample-doc.ts';
import { TEXT_WIDTH, wrap } from './wrap.ts';
import { wrapCommand } from './wrap-command.ts';

// Steps are numbered in a 3-column field; calls continue under the call and
// frames (and their continuations) two further in.
const STEP_CONTINUATION = '       ';
const FRAME_CONTINUATION = '         ';

export function counterexampleText(doc: CounterexampleDoc, generated: string): string {
  const out: string[] = [];
  const para = (text: string, indent = '') => out.push(...wrap(text, indent));
  para(`zdspec counterexample: ${doc.headline}`);
  para(`Generated: ${generated}`);
  out.push('');
  para(`Proposal: ${doc.proposal.name} -- ${doc.proposal.title}`);
  para(`Era: ${doc.proposal.era}. Source: ${doc.proposal.source}`);
  out.push('');
  para(`Violated: ${doc.check}${doc.side ? ` (${doc.side} side)` : ''}`);
  para(doc.statement, '  ');
  para(`Guarded by: ${doc.guards.join('; ')}`, '  ');
  out.push('', `Steps (${doc.steps.length}, ${doc.how}; frames touched: before→after):`);
  for (const step of doc.steps) {
    const mark = step.failing ? ' <-- fails' : '';
    out.push(...wrap(`${step.call}${mark}`, `${String(step.n).padStart(3)}  `, TEXT_WIDTH, STEP_CONTINUATION));
    for (const frame of step.frames) out.push(...wrap(frame, STEP_CONTINUATION, TEXT_WIDTH, FRAME_CONTINUATION));
  }
  if (doc.interleaving.length > 0) out.push('', 'Interleaving (one column per thread; t0 runs the steps without a thread):', ...doc.interleaving);
  out.push('', `At step ${doc.failingStep}:`);
  for (const line of doc.expected) para(`expected: ${line}`, '  ');
  for (const line of doc.actual) para(`actual: ${line}`, '  ');
  out.push('');
  para(doc.found);
  out.push(...replaySection(doc.replay));
  return `${out.join('\n')}\n`;
}

/** The last section of a text report; merge-reports writes it again when it moves the report. */
export function replaySection(commands: readonly string[]): string[] {
  const out = [REPLAY_HEADING];
  for (const command of commands) out.push(...wrapCommand(command, '  ', TEXT_WIDTH, '    '));
  return out;
}

export const REPLAY_HEADING = 'Replay:';
