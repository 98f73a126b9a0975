// A counterexample as Markdown (a CI summary, an issue, a review comment).
import type { CounterexampleDoc } from './counterexample-doc.ts';

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

export function counterexampleMarkdown(doc: CounterexampleDoc, generated: string): string {
  const out: string[] = [
    `# zdspec counterexample: ${doc.headline}`,
    '',
    `_Generated: ${generated}_`,
    '',
    `- **Proposal:** ${code(doc.proposal.name)} — ${doc.proposal.title}`,
    `- **Era:** ${doc.proposal.era}`,
    `- **Source:** ${doc.proposal.source}`,
    `- **Violated:** ${code(doc.check)}${doc.side ? ` (${doc.side} side)` : ''} — ${doc.statement}`,
    `- **Guarded by:** ${doc.guards.map(code).join(', ')}`,
    '',
    `## Steps (${doc.steps.length}, shrunk)`,
    '',
    '| # | call | frames touched (before→after) |',
    '|---:|---|---|',
  ];
  for (const step of doc.steps) {
    const call = `${code(step.call)}${step.failing ? ' **← fails**' : ''}`;
    out.push(`| ${step.n} | ${call} | ${step.frames.map((f) => f.replace(/\|/g, '\\|')).join('<br>')} |`);
  }
  out.push('', `## At step ${doc.failingStep}`, '');
  for (const line of doc.expected) out.push(`- **expected:** ${line}`);
  for (const line of doc.actual) out.push(`- **actual:** ${line}`);
  out.push('', '## Replay', '', `Seed ${code(String(doc.seed))}, path ${code(doc.path)}.`, '', '```sh', ...doc.replay, '```');
  return `${out.join('\n')}\n`;
}
