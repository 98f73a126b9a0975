// The replay token of a counterexample: fast-check's path (which run, then
// which shrink at each level) and fc.commands' replayPath (which commands
// ran during those shrinks — without it the shrink tree cannot be walked
// again, as commands only shrink among those that ran). One CLI token:
// "<path>@<replayPath>"; neither part contains "@".

export interface ReplayToken {
  readonly path: string;
  readonly commandsReplayPath?: string;
}

export function formatReplayToken(token: ReplayToken): string {
  return token.commandsReplayPath === undefined ? token.path : `${token.path}@${token.commandsReplayPath}`;
}

export function parseReplayToken(text: string): ReplayToken {
  const at = text.indexOf('@');
  if (at < 0) return { path: text };
  return { path: text.slice(0, at), commandsReplayPath: text.slice(at + 1) };
}

/** A valid fast-check path: run index, then shrink indices, colon-separated. */
export const isValidPath = (path: string): boolean => /^\d+(:\d+)*$/.test(path);

/** fc.commands prints its replayPath in the counterexample's string form. */
export function commandsReplayPathOf(counterexample: unknown): string | undefined {
  const match = /\/\*replayPath="([^"]*)"\*\//.exec(String(counterexample));
  return match?.[1];
}
