// Rewrites the README's invariants table from models/invariants (ids,
// statements, clauses, guards in judge order): `npx tsx scripts/readme-invariants.ts`.
// properties/readme.test.ts fails when the table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { INVARIANTS } from '../models/invariants/all.ts';

const START = '<!-- invariants-table:start -->';
const END = '<!-- invariants-table:end -->';
const cell = (s: string): string => s.replace(/\|/g, '\\|');
const code = (xs: readonly string[]): string => xs.map((x) => `\`${x}\``).join(', ');

const rows = INVARIANTS.map((i) => `| \`${i.id}\` | ${cell(i.statement)} | ${code(i.clauses.map((c) => c.id))} | ${code(i.guards.map((g) => g.split(': ')[1] ?? g))} |`);
const table = ['| id | statement | clauses | guarded by |', '|---|---|---|---|', ...rows].join('\n');
const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const [head, rest] = readme.split(START);
const tail = rest?.split(END)[1];
if (head === undefined || tail === undefined) throw new Error(`README.md: no ${START} … ${END} block`);
writeFileSync(file, `${head}${START}\n${table}\n${END}${tail}`);
