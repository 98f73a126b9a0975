// Refreshes properties/mutants/witnesses/ from a `zdspec mutate` run: for
// each mutant, the counterexample of the check that caught it first (an
// invariant, else refinement) becomes its witness, which
// properties/mutants/killed.test.ts replays in the everyday suite.
//   npx zdspec mutate -o /tmp/m && npx tsx scripts/mutant-witnesses.ts /tmp/m
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  readonly id: string;
  readonly firstCatcher?: string;
  readonly caught: Readonly<Record<string, { readonly steps: number }>>;
}

const dir = process.argv[2] ?? 'reports/mutate';
const { mutants } = JSON.parse(readFileSync(join(dir, 'mutate.json'), 'utf8')) as { mutants: Row[] };
const out = new URL('../properties/mutants/witnesses/', import.meta.url);
mkdirSync(out, { recursive: true });
let missing = 0;
for (const row of mutants) {
  const check = row.firstCatcher ?? (row.caught.refinement ? 'refinement' : undefined);
  const from = check && join(dir, `${row.id}.${check}.json`);
  if (!from || !existsSync(from)) {
    console.error(`${row.id}: not killed in ${dir}, no witness`);
    missing++;
    continue;
  }
  copyFileSync(from, new URL(`${row.id}.json`, out));
  console.log(`${row.id}: ${check}`);
}
process.exit(missing === 0 ? 0 : 1);
