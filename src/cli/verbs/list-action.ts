// The action of `zdspec list` (list.ts defines its options): loaded only
// when it runs, so that `zdspec --help` need not load the models.
import { BUILTIN_PROPOSALS } from '../../../models/proposals/registry.ts';
import { INVARIANTS } from '../../../models/invariants/all.ts';
import { cli, say } from '../cli-context.ts';

export function listAction(flags: { json?: boolean }): void {
  const proposals = BUILTIN_PROPOSALS.map((p) => ({
    name: p.name,
    title: p.title,
    source: p.source,
    baseEra: p.baseEra,
    extends: p.extends,
    expected: p.expected,
  }));
  const invariants = INVARIANTS.map((inv) => ({ id: inv.id, statement: inv.statement, guards: inv.guards }));
  if (flags.json) {
    say(JSON.stringify({ proposals, invariants }, null, 2));
    return;
  }
  const { colors: c } = cli();
  say(c.bold('Built-in proposals'), '');
  for (const p of proposals) {
    say(
      `${c.bold(p.name)}  ${p.title}`,
      `  era ${p.baseEra}${p.extends ? `, extends ${p.extends}` : ''}`,
      `  source: ${p.source}`,
      ...INVARIANTS.map((inv) => {
        const verdict = p.expected[inv.id];
        const shown = verdict === 'violated' ? c.red('violated') : (verdict ?? '?');
        return `    ${inv.id.padEnd(26)} ${shown}`;
      }),
      '',
    );
  }
  say(c.bold('Invariants'), '');
  for (const inv of invariants) say(`${c.bold(inv.id)}`, `  ${inv.statement}`, `  guarded by: ${inv.guards.join('; ')}`, '');
}
