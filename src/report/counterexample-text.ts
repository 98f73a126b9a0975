// A counterexample as plain text that fits 80 columns, to paste into a patch
// review email. The only line that changes between identical runs is the
// "Generated:" timestamp.
import type { CounterexampleDoc } from './counterexample-doc.ts';
import { wrap } from './wrap.ts';

export function counterexampleText(doc: CounterexampleDoc, generated: string): string {
  const out: string[] = [];
  const para = (text: string, indent = '') => out.push(...wrap(text, indent));
  para(`zdspec counterexample: ${doc.headline}`);
  out.push(`Generated: ${generated}`, '');
  para(`Proposal: ${doc.proposal.name} -- ${doc.proposal.title}`);
  para(`Era: ${doc.proposal.era}. Source: ${doc.proposal.source}`);
  out.push('');
  para(`Violated: ${doc.check}${doc.side ? ` (${doc.side} side)` : ''}`);
  para(doc.statement, '  ');
  para(`Guarded by: ${doc.guards.join('; ')}`, '  ');
  out.push('', `Steps (${doc.steps.length}, shrunk; frames touched: before→after):`);
  for (const step of doc.steps) {
    const mark = step.failing ? ' <-- fails' : '';
    out.push(...wrap(`${step.call}${mark}`, `${String(step.n).padStart(3)}  `, 80, '       '));
    for (const frame of step.frames) out.push(...wrap(frame, '       ', 80, '         '));
  }
  out.push('', `At step ${doc.failingStep}:`);
  for (const line of doc.expected) para(`expected: ${line}`, '  ');
  for (const line of doc.actual) para(`actual: ${line}`, '  ');
  out.push('', `Seed ${doc.seed}, path ${doc.path}`, 'Replay:');
  // Commands are never broken: a long one overflows rather than breaks.
  for (const command of doc.replay) out.push(`  ${command}`);
  return `${out.join('\n')}\n`;
}
