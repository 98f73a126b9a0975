// A concurrent history (issue 12): each operation a thread ran, with the
// times it was invoked and returned, and the sequential specification it
// must be explainable by. Times are any totally ordered numbers (a step
// counter of the interleaving); an operation still in flight has no return.

export interface Operation<I, O> {
  /** Unique within the history; names the operation in an explanation. */
  readonly id: number;
  readonly thread: string;
  readonly input: I;
  readonly invoke: number;
  /** Absent while the operation is in flight (pending). */
  readonly returned?: { readonly at: number; readonly output: O };
}

/**
 * The atomic specification: every outcome one operation may have from a
 * state (never empty for an enabled operation), and a key that is equal for
 * equal states (the search remembers the states it has ruled out by it).
 */
export interface SequentialSpec<S, I, O> {
  readonly init: S;
  step(state: S, input: I): readonly { readonly state: S; readonly output: O }[];
  key(state: S): string;
  sameOutput(a: O, b: O): boolean;
}
