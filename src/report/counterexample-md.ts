// A counterexample as Markdown (a CI summary, an issue, a review comment).
// Table cells go through md-cell.ts (calls hold "PROT_READ|PROT_WRITE"),
// code spans through md-code.ts (any text shows as it is).
import type { CounterexampleDoc } from './counterexample-doc.ts';
import { mdCell } from './md-cell.ts';
import { mdCode } from './md-code.ts';

// A list item is one line: a message's line break would end it early.
const oneLine = (text: string): string => text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');

// A fenced block ends at a line of as many backticks as its fence: make the
// fence longer than any run inside.
const fenceFor = (lines: readonly string[]): string => '`'.repeat(Math.max(3, ...lines.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length + 1))));

export function counterexampleMarkdown(doc: CounterexampleDoc, generated: string): string {
  const out: string[] = [
    `# zdspec counterexample: ${oneLine(doc.headline)}`,
    '',
    `_Generated: ${generated}_`,
    '',
    `- **Proposal:** ${mdCode(doc.proposal.name)} — ${oneLine(doc.proposal.title)}`,
    `- **Era:** ${doc.proposal.era}`,
    `- **Source:** ${oneLine(doc.proposal.source)}`,
    `- **Violated:** ${mdCode(doc.check)}${doc.side ? ` (${doc.side} side)` : ''} — ${oneLine(doc.statement)}`,
    `- **Guarded by:** ${doc.guards.map(mdCode).join(', ')}`,
    '',
    `## Steps (${doc.steps.length}, ${doc.how})`,
    '',
    '| # | call | frames touched (before→after) |',
    '|---:|---|---|',
  ];
  for (const step of doc.steps) {
    const call = `${mdCode(step.call)}${step.failing ? ' **← fails**' : ''}`;
    const frames = step.frames.map((words) => words.join(' ')).join('\n');
    out.push(`| ${step.n} | ${mdCell(call)} | ${mdCell(frames)} |`);
  }
  if (doc.interleaving.length > 0) out.push('', '## Interleaving', '', 'One column per thread; t0 runs the steps without a thread.', '', '```text', ...doc.interleaving, '```');
  out.push('', `## At step ${doc.failingStep}`, '');
  for (const line of doc.expected) out.push(`- **expected:** ${oneLine(line)}`);
  for (const line of doc.actual) out.push(`- **actual:** ${oneLine(line)}`);
  const fence = fenceFor(doc.replay);
  const found = doc.how === 'shrunk' ? `Seed ${mdCode(String(doc.seed))}, path ${mdCode(doc.path)}.` : `${oneLine(doc.found)}.`;
  out.push('', '## Replay', '', found, '', `${fence}sh`, ...doc.replay, fence);
  return `${out.join('\n')}\n`;
}
