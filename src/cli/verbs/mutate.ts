// `zdspec mutate`: the mutation catalogue (models/mutants/) through the
// checker — the kill matrix, mutant × check → caught or not, with the time to
// the first counterexample and its shrunk length — printed and written to
// <report-dir>/mutate.{txt,md,json} (each mutant's counterexamples beside
// them). Exit 1 when a mutant survives its budget.
// This file defines the options; mutate-action.ts runs them.
import { Command } from 'commander';
import { defaultWorkers } from '../default-workers.ts';
import { collect } from './collect.ts';

export interface MutateFlags {
  readonly only?: string[];
  readonly seeds?: string;
  readonly seed?: string;
  readonly workers?: string;
  readonly reportDir: string;
  readonly list?: boolean;
}

const EXAMPLES = `
Examples:
  $ zdspec mutate                         # every mutant, one seed
  $ zdspec mutate --seeds 10              # medians over ten seeds
  $ zdspec mutate --only bug-28-mf-count-increased-leak --only hook-folio-add-lru
  $ zdspec mutate --list
  $ zdspec check mutant:bug-18-coherent-longterm-pin   # one mutant, as a proposal

Each mutant extends the built-in of its bug's era and changes one decision;
it is judged by the invariants that built-in holds and by refinement. The
report names every invariant that is never the first to catch a mutant.

Exit codes: 0 every mutant killed; 1 a mutant survived its budget; 2 bad
usage.`;

export function mutateCommand(): Command {
  return (
    new Command('mutate')
      .description('run the mutation catalogue through the checker and print the kill matrix')
      .option('--only <id>', 'only this mutant; repeatable, or a comma list', collect)
      .option('--seeds <n>', 'seeds per mutant (medians over them)', '1')
      .option('-s, --seed <seed>', 'the first seed', '1')
      .option('-w, --workers <n>', `worker threads (default: ZDSPEC_WORKERS, else the number of cores: ${defaultWorkers()})`)
      .option('-o, --report-dir <dir>', 'where mutate.{txt,md,json} and the counterexamples go', 'reports/mutate')
      .option('--list', 'list the catalogue and exit')
      .addHelpText('after', EXAMPLES)
      // What the verb runs loads only when it runs: --help stays fast.
      .action(async (flags: MutateFlags) => (await import('./mutate-action.ts')).mutateAction(flags))
  );
}
