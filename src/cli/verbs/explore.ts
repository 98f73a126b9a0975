// `zdspec explore PROPOSAL`: exhaustive bounded search (src/explore/): every
// enabled step from every distinct state, breadth first, to --depth. A
// violation is a shortest one, written as check writes its counterexamples
// (text, Markdown, JSON trace for zdspec replay). This file defines the
// options; explore-action.ts runs them.
import { Command } from 'commander';
import { DEFAULT_BOUNDS } from '../../explore/bounds.ts';
import { collect } from './collect.ts';
import { HOOK_TIME_LIMIT_HELP } from './shared-option-help.ts';

export interface ExploreFlags {
  readonly depth: string;
  readonly pages?: string;
  readonly procs?: string;
  readonly devices?: string;
  readonly values?: string;
  readonly symmetry: boolean;
  readonly maxStates?: string;
  readonly maxMemory?: string;
  readonly exact?: boolean;
  readonly invariant?: string[];
  readonly ops?: string[];
  readonly types?: string[];
  readonly threads?: boolean;
  readonly threadOps?: string[];
  /** commander's --no-por: true unless given. */
  readonly por: boolean;
  readonly from?: string;
  readonly reportDir: string;
  readonly json?: boolean;
  readonly workers?: string;
  readonly hookTimeLimit?: string;
}

export const DEFAULT_EXPLORE_DEPTH = 4;

const EXAMPLES = `
Examples:
  $ zdspec explore coherent-v1 --depth 6
  $ zdspec explore upstream --depth 5
  $ zdspec explore ./my-series-v2.ts --depth 5 --pages 2 --max-states 2000000
  $ zdspec explore hmm-v4.14 --ops memremap_pages,mmap,cpu_write,migrate_to_device,mem_cgroup_move_task
  $ zdspec explore upstream --depth 3 --no-symmetry --exact

Search: breadth first from the initial state; from each distinct state every
operation with every argument over the bounded domain (--pages, --procs,
--devices, --values), each state expanded once. Refinement and every
selected invariant are judged on every transition, so the first violation
is a shortest one: no shorter trace within the bounds fails. It is written
to --report-dir as text (80 columns), Markdown and a JSON trace that
zdspec replay re-runs.

States: a state is the kernel model's whole state; its 64-bit hash is kept
(about n²/2⁶⁵ chance of any collision among n states, which would skip a
state). --exact keeps whole keys: no risk, more memory. Symmetry: data
values, device owners and empty memcgs that the state does not hold are
interchangeable, so only the first of them is tried (--no-symmetry tries
all; README "zdspec explore" says why that is sound).

Workers: each depth's states are dealt over the worker threads; their
successors are merged in the order one thread would reach them, so the
states, the counts and the counterexample are the same as with --workers 1.

Stops: --max-states and --max-memory stop cleanly and say to which depth the
search is complete. Without --max-memory the search stops at 70% of the heap
V8 allows (NODE_OPTIONS=--max-old-space-size=16384 raises it), never by
running out of memory.

Exit codes: 0 no violation within the depth reached ("complete to depth d";
"bounded" when a limit stopped it first); 1 a violation (or a proposal hook
threw); 2 bad input (unknown proposal, bad option).`;

export function exploreCommand(): Command {
  return (
    new Command('explore')
      .description('exhaustive breadth-first search of every state within a depth: "no violation up to depth D", or a shortest counterexample')
      .argument('<proposal>', 'a built-in proposal or a proposal file')
      .option('-d, --depth <n>', 'steps from the initial state', String(DEFAULT_EXPLORE_DEPTH))
      .option('--pages <n>', `largest mmap, memremap_pages and range, in pages (default: ${DEFAULT_BOUNDS.pages})`)
      .option('--procs <n>', `most live processes, and memcgs with the root (default: ${DEFAULT_BOUNDS.procs})`)
      .option('--devices <n>', `most device pgmaps memremap_pages creates; owners: as many, at most 2 (default: ${DEFAULT_BOUNDS.devices})`)
      .option('--values <n>', `data values a write stores, 1..n (default: ${DEFAULT_BOUNDS.values})`)
      .option('--no-symmetry', 'try every value, owner and memcg, interchangeable or not')
      .option('--max-states <n>', 'stop after this many distinct states')
      .option('--max-memory <size>', 'stop when the heap has grown by this much (e.g. 512m, 2g; default: 70% of the room V8 leaves it)')
      .option('--exact', 'keep whole state keys instead of 64-bit hashes')
      .option('-w, --workers <n>', 'worker threads sharing each depth (default: ZDSPEC_WORKERS, else every core); the result is the same as with one')
      .option('--hook-time-limit <duration>', HOOK_TIME_LIMIT_HELP)
      .option('-i, --invariant <id>', 'check only this invariant (or "refinement"); repeatable (default: all and refinement)', collect)
      .option('--ops <ops>', 'only these operations (comma-separated; default: all)', collect)
      .option('--threads', 'also start every operation that can reach an interleaving point as thread t1, and resume it: every interleaving of its steps with the others')
      .option('--thread-ops <ops>', 'with --threads: only these operations start as t1 (comma-separated; default: every one that can)', collect)
      .option('--no-por', 'with --threads: search every main-thread step right after a start, also those that commute with it (no partial-order reduction)')
      .option('--from <trace>', 'search from the state a trace (a scenario, a saved counterexample) reaches; depths count from there, and the search runs in one thread')
      .option('--types <types>', "memremap_pages only of these memory types (comma-separated; default: the era's)", collect)
      .option('-o, --report-dir <dir>', 'where a counterexample and explore.json are written', 'reports/explore')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', EXAMPLES)
      // What the verb runs loads only when it runs: --help stays fast.
      .action(async (proposal: string, flags: ExploreFlags) => (await import('./explore-action.ts')).exploreAction(proposal, flags))
  );
}
