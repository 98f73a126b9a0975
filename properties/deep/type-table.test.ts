// The per-type table is not a shared oracle: changing any single decision of
// one row (for both models at once, as a wrong table would) is caught by some
// invariant — the judges state their rules without the table. Each decision
// of each row is replaced by every other value it could take; the mutated
// kernel model and reference then run under a built-in whose era has that
// memory type, checked against the invariants its header says hold.
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_PROPOSALS } from '../../models/proposals/registry.ts';
import { resolveBuiltin } from '../../models/proposals/resolve-proposal.ts';
import { TYPE_RULES, type TypeRules } from '../../models/type-rules.ts';
import type { FrameType } from '../../models/vocabulary.ts';
import type { OpName } from '../../models/ops.ts';
import { unobservable } from './type-table-unobservable.ts';
import { INVARIANT_IDS } from '../../models/invariants/invariant.ts';
import { checkProposal } from '../../src/check/check-proposal.ts';
import { typeTableMutants } from './type-table-mutants.ts';

/** Where a type lives: built-ins whose era has it (an era without the type never consults its row). */
const WHERE_NAMES: Readonly<Record<FrameType, readonly string[]>> = {
  SYSTEM: ['upstream', 'devmap-v5.x'],
  PRIVATE: ['upstream', 'devmap-v5.x'],
  COHERENT: ['upstream', 'v6.0'],
  FS_DAX: ['upstream', 'devmap-v5.x'],
  GENERIC: ['upstream', 'devmap-v5.x'],
  PCI_P2PDMA: ['upstream'],
  HOST: ['hmm-v4.14'],
  PUBLIC: ['hmm-v4.14'],
};
const WHERE = Object.fromEntries(Object.entries(WHERE_NAMES).map(([type, names]) => [type, names.map((builtin) => ({ builtin, era: resolveBuiltin(builtin).era }))])) as Record<
  FrameType,
  { builtin: string; era: ReturnType<typeof resolveBuiltin>['era'] }[]
>;

/** The operations that consult each decision: the search looks hardest there. */
const DECISION_OPS: Readonly<Record<keyof TypeRules, readonly OpName[]>> = {
  pteOnMigrate: ['migrate_to_device', 'migrate_to_ram', 'cpu_read', 'cpu_write', 'device_read'],
  onLru: ['migrate_to_device', 'migrate_to_ram', 'cpu_write', 'fork'],
  refcount: ['get_user_pages', 'put_page', 'pin_user_pages', 'unpin_user_page', 'munmap', 'cpu_read'],
  memcgTarget: ['mem_cgroup_create', 'mem_cgroup_move_task', 'migrate_to_device', 'cpu_write'],
  longtermPinnable: ['pin_user_pages', 'cpu_read', 'migrate_to_device'],
  gup: ['get_user_pages', 'pin_user_pages', 'cpu_read'],
  memoryFailure: ['memory_failure', 'cpu_read', 'mmap'],
  pgmapRefPerAlloc: ['migrate_to_device', 'munmap', 'memunmap_pages'],
  snapshotClass: ['snapshot', 'migrate_to_device', 'cpu_read', 'device_read'],
};

const RUNS = Number(process.env.ZDSPEC_TABLE_RUNS ?? 600);
const table = TYPE_RULES as unknown as Record<FrameType, Record<keyof TypeRules, unknown>>;
let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('every single decision of the per-type table is caught when wrong', () => {
  it.each(typeTableMutants(WHERE).map((m) => [m.label, m] as const))('%s', (_, m) => {
    const row = table[m.type];
    const original = row[m.decision];
    restore = () => void (row[m.decision] = original);
    row[m.decision] = m.value;
    const builtin = BUILTIN_PROPOSALS.find((b) => b.name === m.builtin)!;
    const invariants = INVARIANT_IDS.filter((id) => builtin.expected[id] === 'holds');
    // The type's own memory is the only memory the search creates (the row
    // is consulted), and the operations that ask the decision come often.
    const focus = { ops: DECISION_OPS[m.decision], ...(m.type === 'SYSTEM' ? {} : { types: [m.type] }) };
    // Refinement too: a decision only one model reads is no shared oracle —
    // the other model disagrees — and a wrong row is caught that way.
    const cx = checkProposal(resolveBuiltin(m.builtin), { seed: 11, runs: RUNS, maxCommands: 30, invariants: [...invariants, 'refinement'], sides: 'kernel', focus }).counterexample;
    console.log(`TABLE ${m.label}: ${cx ? `${cx.check} in ${cx.steps.length} steps` : 'NOT CAUGHT'}`);
    const why = unobservable(m.type, m.decision, m.shown, m.builtin);
    if (why === undefined) expect(cx?.check, `${m.label} was caught by no check`).toBeDefined();
    else expect(cx?.check, `${m.label} is listed as unobservable (${why}), yet ${cx?.check} caught it`).toBeUndefined();
  });
});
