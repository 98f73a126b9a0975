// A counterexample as JSON in the trace format (DESIGN §6): `zdspec run` and
// `zdspec replay` execute it. What is not a trace field — seed, path, the
// violated check, the replay command, the timestamp — sits under one
// `counterexample` key, so the steps stay a plain trace. Each step keeps the
// `recorded` result toTrace gave it: `zdspec replay` compares it with the new
// result to tell a fix from a replay that diverged.
import type { Counterexample } from '../check/counterexample.ts';
import type { Trace } from '../trace/trace.ts';

export interface CounterexampleMeta {
  readonly check: string;
  readonly kind: string;
  readonly side?: string;
  /** 1-based, as in the text report. */
  readonly step: number;
  readonly message: string;
  readonly seed: number;
  readonly path: string;
  readonly replay: string;
  readonly checks: readonly string[];
  readonly maxCommands: number;
  readonly generated: string;
}

export type CounterexampleFile = Trace & { readonly counterexample: CounterexampleMeta };

export function counterexampleJson(cx: Counterexample, generated: string): string {
  const { finding } = cx;
  const file: CounterexampleFile = {
    ...cx.trace,
    title: `${cx.proposal}: ${cx.check} at step ${finding.stepIndex + 1}`,
    description:
      cx.explored === undefined ? `zdspec counterexample (seed ${cx.seed}); replay: ${cx.replay}` : `zdspec explore counterexample (shortest within ${cx.explored.bounds}); again: ${cx.replay}`,
    counterexample: {
      check: cx.check,
      kind: finding.kind,
      ...(finding.side === undefined ? {} : { side: finding.side }),
      step: finding.stepIndex + 1,
      message: finding.message,
      seed: cx.seed,
      path: cx.path,
      replay: cx.replay,
      checks: cx.checks,
      maxCommands: cx.maxCommands,
      generated,
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
