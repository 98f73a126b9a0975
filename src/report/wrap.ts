// Word wrapping for plain-text reports that must fit an 80-column email.
// Breaks at spaces, with a hanging indent. The promise is unconditional: a
// single word longer than a whole line (a long proposal path, a hook's
// 300-character message) is broken too, at a separator where one is near
// (break-point.ts), and continues on the next line. Shell commands are
// wrapped by wrap-command.ts instead, so they stay pasteable.
import { breakPoint } from './break-point.ts';
import { columns } from './columns.ts';

export const TEXT_WIDTH = 80;

// A word longer than a line starts beside what precedes it when at least
// this much room is left there; less would leave a stub of a piece.
const MIN_PIECE = 10;

/**
 * `text` as lines of at most `width` columns: the first starts with
 * `indent`, the rest with `hanging`. Given an array, each element is a unit
 * kept on one line when it fits on one ("refcount 1→2,"), and broken at its
 * spaces only when it does not.
 */
export function wrap(text: string | readonly string[], indent: string, width = TEXT_WIDTH, hanging = `${indent}  `): string[] {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  const fits = (piece: string) => columns(line) + (empty ? 0 : 1) + columns(piece) <= width;
  const append = (piece: string) => {
    line = empty ? line + piece : `${line} ${piece}`;
    empty = false;
  };
  const newLine = () => {
    lines.push(line);
    line = hanging;
    empty = true;
  };
  const place = (piece: string) => {
    if (fits(piece)) return append(piece);
    if (!empty && columns(hanging) + columns(piece) <= width) {
      newLine();
      return append(piece);
    }
    // Longer than any line: fill this one (if there is room), then go on.
    if (!empty && width - columns(line) - 1 < MIN_PIECE) newLine();
    let rest = [...piece];
    for (;;) {
      const room = width - columns(line) - (empty ? 0 : 1);
      const n = breakPoint(rest, room, (count) => count);
      append(rest.slice(0, n).join(''));
      rest = rest.slice(n);
      if (rest.length === 0) return;
      newLine();
    }
  };
  const units = typeof text === 'string' ? [text] : text;
  for (const unit of units) {
    const words = unit.split(/\s+/).filter(Boolean);
    const whole = words.join(' ');
    // A unit that fits where it is, or on the next line, is never split.
    if (typeof text !== 'string' && words.length > 1 && (fits(whole) || (!empty && columns(hanging) + columns(whole) <= width))) place(whole);
    else for (const word of words) place(word);
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
