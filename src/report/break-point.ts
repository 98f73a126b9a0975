// Where to break a token too long for any line (a long path, a 300-character
// message): as much as fits, but after a separator such as '/' or '-' when
// one is near the end, so the pieces stay readable. Shared by prose wrapping
// (wrap.ts) and shell-command wrapping (wrap-command.ts), which measure a
// piece differently (a command's piece carries quotes and a '\').

const SEPARATOR = /[/\\\-_.:,;=@+]$/;

/**
 * How many of `units` (characters, or a command word's quoting atoms) start
 * the next piece: the most whose `measure` fits `room`, pulled back to just
 * after a run of separators in the second half of that, and never fewer than one, so
 * a caller breaking a token always progresses.
 */
export function breakPoint(units: readonly string[], room: number, measure: (count: number) => number): number {
  let fit = 0;
  while (fit < units.length && measure(fit + 1) <= room) fit++;
  if (fit === 0) return 1;
  if (fit === units.length) return fit;
  // After a whole run of separators ("../" stays together): a piece that
  // starts with one would read as a path of its own ("/tmp/…").
  for (let at = fit; at > fit / 2; at--) if (SEPARATOR.test(units[at - 1] ?? '') && !SEPARATOR.test(units[at] ?? '')) return at;
  return fit;
}
