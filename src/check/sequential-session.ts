// A Session over something that is not a pair — one model alone, or a pair
// a test watches step by step — and has no threads: the bench's models
// alone and the tests that drive fast-check's commands through their own
// apply. Nothing is ever paused, blocked or scheduled.
import type { OpResult, Step } from '../../models/ops.ts';
import type { AbsState } from '../../models/state.ts';
import type { Session } from './session.ts';

export function sequentialSession(state: () => AbsState, apply: (step: Step) => OpResult): Session {
  return {
    steps: [],
    paused: () => [],
    blocked: () => false,
    schedule: () => undefined,
    finish: () => undefined,
    state,
    apply,
  };
}
