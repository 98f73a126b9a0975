// The trace format (DESIGN §6): what `zdspec run` executes, what scenarios
// are written in, and what a counterexample is saved as.
import type { EraName } from '../../models/eras/era.ts';
import type { OpName, OpResult, ThreadMark } from '../../models/ops.ts';
import type { FrameType, MemcgId, PteKind } from '../../models/vocabulary.ts';

/** Facts about one virtual page after the step, keyed "p0:3" (process:vpn). */
export interface PageExpect {
  readonly type?: FrameType;
  /** 'none' when no PTE. */
  readonly pte?: PteKind;
  readonly write?: boolean;
  readonly refcount?: number;
  readonly mapcount?: number;
  readonly pincount?: number;
  readonly memcg?: MemcgId | null;
  readonly data?: number;
  /** pte_dirty of the PTE. */
  readonly dirty?: boolean;
  /** PG_dirty of the page behind it. */
  readonly pageDirty?: boolean;
}

/**
 * What a step must return: a partial result (each key deep-equals the
 * result's; without `errno`/`signal` the step must succeed), plus optional
 * page facts under `pages`.
 */
export type Expectation = Readonly<Record<string, unknown>> & {
  readonly pages?: Readonly<Record<string, PageExpect>>;
};

export interface TraceStep {
  readonly op: OpName;
  readonly args: Readonly<Record<string, unknown>>;
  readonly expect?: Expectation;
  /** A note printed beside the step (scenarios use the selftest's words). */
  readonly note?: string;
  /**
   * Saved counterexamples: the result the step had when it was recorded (a
   * success value like {"pin": "pin0"}, or {"errno": "EBUSY"}). Unlike
   * `expect` it asserts nothing: `zdspec replay` compares it with the new
   * result to tell a fix from a trace that no longer means what it meant.
   */
  readonly recorded?: OpResult;
  /** Run by a thread of its own (issue 12): "start" it, or "resume" it where it is paused; absent: the main thread, atomically. */
  readonly thread?: ThreadMark;
}

export interface Trace {
  /** A built-in proposal name or a path; default 'upstream'. */
  readonly proposal?: string;
  /** Run the reference under this era (and the kernel model with its defaults). */
  readonly era?: EraName;
  readonly title?: string;
  readonly description?: string;
  readonly steps: readonly TraceStep[];
  /**
   * Scenarios only: the proposals to run it under and what each must show —
   * every check passing (no `violates`), or the first failure being this
   * invariant id (or 'refinement'). Absent: run under `proposal`/`era` and
   * expect every check to pass.
   */
  readonly runs?: readonly ScenarioRun[];
  /** Saved counterexamples only: seed, path, the violated check, the replay command (src/report/counterexample-json.ts). */
  readonly counterexample?: Readonly<Record<string, unknown>>;
}

export interface ScenarioRun {
  readonly proposal: string;
  readonly violates?: string;
}
