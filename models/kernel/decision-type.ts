// A kernel decision's type at run time. TypeScript checks a proposal's hooks
// only when the proposal is typed; a plain .js file — or a .ts one with
// `any` — can return anything, and the kernel model would read a string
// 'false' as truthy. These builders describe each decision type once, as a
// check and as the text a message shows ("expected boolean"). Plain code, not
// a schema library: the types are a dozen small literals and records, and
// the check runs on every call of a proposal's hook.

/** What a hook must return: whether a value fits, and how the type reads. */
export interface DecisionType<T> {
  /** `boolean`, `'grab' | 'fallback' | 'fail'`, `{ action: 'pin' }`. */
  readonly expected: string;
  readonly fits: (value: unknown) => value is T;
}

type DecidedBy<D> = D extends DecisionType<infer T> ? T : never;

const literalText = (v: string | number): string => (typeof v === 'string' ? `'${v}'` : String(v));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const decision = {
  boolean: { expected: 'boolean', fits: (v: unknown): v is boolean => typeof v === 'boolean' } satisfies DecisionType<boolean>,

  /** A reference count: NaN, a fraction or a negative count would make every comparison quietly false. */
  count: {
    expected: 'a non-negative integer (a reference count)',
    fits: (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  } satisfies DecisionType<number>,

  /** One of these literals. */
  oneOf<const T extends string | number>(values: readonly T[]): DecisionType<T> {
    return {
      expected: values.map(literalText).join(' | '),
      fits: (v: unknown): v is T => (typeof v === 'string' || typeof v === 'number') && (values as readonly unknown[]).includes(v),
    };
  },

  /**
   * Every member of the union T, as a list: `every<PteOnInsert>()([...])`
   * does not compile while a member is missing, so a value added to the
   * union in hooks.ts cannot be rejected at run time by an old list.
   */
  every:
    <T>() =>
    <const V extends readonly T[]>(values: V & ([T] extends [V[number]] ? unknown : never)): V =>
      values,

  /** An object with exactly these fields (an extra one is most likely a misspelt field). */
  record<T extends object>(fields: { readonly [K in keyof T]-?: DecisionType<T[K]> }): DecisionType<T> {
    const entries = Object.entries(fields) as [string, DecisionType<unknown>][];
    return {
      expected: `{ ${entries.map(([k, d]) => `${k}: ${d.expected}`).join(', ')} }`,
      fits: (v: unknown): v is T => isRecord(v) && Object.keys(v).length === entries.length && entries.every(([k, d]) => Object.hasOwn(v, k) && d.fits(v[k])),
    };
  },

  /** Any one of these. */
  union<const M extends readonly DecisionType<unknown>[]>(...members: M): DecisionType<DecidedBy<M[number]>> {
    return {
      expected: members.map((m) => m.expected).join(' | '),
      fits: (v: unknown): v is DecidedBy<M[number]> => members.some((m) => m.fits(v)),
    };
  },
};
