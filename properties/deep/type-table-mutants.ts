// Every single-decision mutation of the per-type table: each row × decision
// replaced by every other value the decision can take (a function of the era
// becomes that constant).
import type { Era } from '../../models/eras/era.ts';
import { TYPE_RULES, type RefcountRule, type TypeRules } from '../../models/type-rules.ts';
import { FRAME_TYPES, type FrameType } from '../../models/vocabulary.ts';

export interface TableMutant {
  readonly label: string;
  readonly type: FrameType;
  readonly decision: keyof TypeRules;
  /** The built-in it runs under: its era is where the value differs from the row's. */
  readonly builtin: string;
  readonly value: unknown;
  /** The value as the label shows it. */
  readonly shown: string;
}

const REFCOUNT_RULES: RefcountRule[] = [0, 1].flatMap((idle) => [0, 1].flatMap((base) => [true, false].map((mapsTakeRef) => ({ idle: idle as 0 | 1, base: base as 0 | 1, mapsTakeRef }))));

/** The values a decision can take, with how to show one. */
const DOMAINS: { readonly [D in keyof TypeRules]?: { readonly values: readonly unknown[]; readonly ofEra: boolean } } = {
  pteOnMigrate: { values: ['present', 'present-devmap', 'device-private', 'unsupported'], ofEra: true },
  onLru: { values: [true, false], ofEra: false },
  refcount: { values: REFCOUNT_RULES, ofEra: true },
  memcgTarget: { values: ['NONE', 'PAGE', 'SWAP', 'DEVICE'], ofEra: true },
  longtermPinnable: { values: [true, false], ofEra: true },
  gup: { values: ['grab', 'fault-to-ram', 'EREMOTEIO'], ofEra: false },
  memoryFailure: { values: [{ action: 'poison-and-kill' }, { action: 'refuse', errno: 'EBUSY' }, { action: 'refuse', errno: 'ENXIO' }], ofEra: true },
  pgmapRefPerAlloc: { values: [true, false], ofEra: true },
  snapshotClass: { values: ['system', 'device-private', 'device-coherent', 'dax'], ofEra: false },
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The mutants of `type`'s row, each under one built-in whose era has the
 * type: a value the row does not give in that era (a decision that depends
 * on the era becomes that constant).
 */
export function typeTableMutants(where: Readonly<Record<FrameType, readonly { builtin: string; era: Era }[]>>): TableMutant[] {
  const out: TableMutant[] = [];
  for (const type of FRAME_TYPES) {
    const row = TYPE_RULES[type] as unknown as Record<string, unknown>;
    for (const [decision, domain] of Object.entries(DOMAINS) as [keyof TypeRules, { values: unknown[]; ofEra: boolean }][]) {
      const current = row[decision];
      for (const { builtin, era } of where[type]) {
        const now = domain.ofEra ? (current as (e: Era) => unknown)(era) : current;
        for (const value of domain.values) {
          if (same(now, value)) continue;
          out.push({ label: `${type}.${decision} = ${show(value)} under ${builtin}`, type, decision, builtin, shown: show(value), value: domain.ofEra ? () => value : value });
        }
      }
    }
  }
  return out;
}
