// A counterexample's three files moved to another report directory
// (merge-reports): what in them names their own place is written again, so
// the merged report's files replay from where they now are — the
// `zdspec replay FILE.json` command of the .txt (wrapped again to 80 columns)
// and the .md, and, for a proposal file, the JSON's `proposal` (a path
// relative to the JSON, which `zdspec replay` resolves there). Nothing else
// changes: the rest is what the check found, byte for byte.
import { replayFileCommand } from '../render-counterexample.ts';
import { REPLAY_HEADING, replaySection } from '../counterexample-text.ts';
import type { CounterexamplePaths } from '../render-counterexample.ts';

export interface Move {
  /** The JSON file's path as the check wrote it (its replay command names it so). */
  readonly fromJson: string;
  /** Where the three files go, as the merged summary names them. */
  readonly to: CounterexamplePaths;
  /** The proposal is a file: the JSON names it relative to itself, replay needs --allow-proposal-file. */
  readonly proposalIsFile: boolean;
  /** A proposal file's path relative to the new directory. */
  readonly traceProposal?: string;
}

/** The .txt: its Replay section (always the last) written for the new place; the check's replay command stays. */
export function relocateText(txt: string, checkReplay: string, move: Move): string {
  const at = txt.lastIndexOf(`\n${REPLAY_HEADING}\n`);
  if (at < 0) return txt;
  return `${txt.slice(0, at + 1)}${replaySection([replayFileCommand(move.to.json, move.proposalIsFile), checkReplay]).join('\n')}\n`;
}

/** The .md: the replay line in its last code block. */
export function relocateMarkdown(md: string, move: Move): string {
  const old = replayFileCommand(move.fromJson, move.proposalIsFile);
  const lines = md.split('\n');
  const at = lines.lastIndexOf(old);
  if (at >= 0) lines[at] = replayFileCommand(move.to.json, move.proposalIsFile);
  return lines.join('\n');
}

/** A counterexample JSON (or an unshrunk trace): a proposal file named again from the new place. */
export function relocateTrace(json: string, traceProposal: string | undefined): string {
  if (traceProposal === undefined) return json;
  const trace = JSON.parse(json) as Record<string, unknown>;
  return `${JSON.stringify({ ...trace, proposal: traceProposal }, null, 2)}\n`;
}
