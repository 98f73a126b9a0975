// How the full check's cost grows: with the command sequence's length
// (--max-commands 10/40/160/640, about the same number of commands per
// sample) and with the machine's size (16/48/192/768 system RAM frames, at
// 40 commands). A checker whose cost follows what a step touches keeps
// these flat; one that scans or copies the machine per step does not.
import { setSystemFramesForBench, SYSTEM_FRAMES } from '../models/limits.ts';
import type { ResolvedProposal } from '../models/proposals/proposal.ts';
import { type Measured, measure } from './measure.ts';
import { fullCheck } from './throughput.ts';

export const MAX_COMMANDS_STEPS = [10, 40, 160, 640] as const;
export const FRAME_STEPS = [16, 48, 192, 768] as const;

export interface Scaling {
  readonly byMaxCommands: readonly (Measured & { readonly maxCommands: number })[];
  readonly byFrames: readonly (Measured & { readonly frames: number })[];
}

export function scaling(p: ResolvedProposal, commandsPerSample: number, seed: number, samples: number): Scaling {
  const byMaxCommands = MAX_COMMANDS_STEPS.map((maxCommands) => {
    // fast-check's sequences average about half their maximum.
    const runs = Math.max(2, Math.round((2 * commandsPerSample) / maxCommands));
    return { maxCommands, ...measure(`full check, max ${maxCommands} commands`, () => fullCheck(p, { runs, maxCommands, seed }), { samples }) };
  });
  const normal = SYSTEM_FRAMES;
  const runs = Math.max(2, Math.round((2 * commandsPerSample) / 40));
  try {
    const byFrames = FRAME_STEPS.map((frames) => {
      setSystemFramesForBench(frames);
      return { frames, ...measure(`full check, ${frames} system frames`, () => fullCheck(p, { runs, maxCommands: 40, seed }), { samples }) };
    });
    return { byMaxCommands, byFrames };
  } finally {
    setSystemFramesForBench(normal);
  }
}
