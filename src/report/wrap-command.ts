// A shell command laid out in lines of at most `width` columns that still
// paste into a shell as the same command: lines break between words with a
// trailing " \" and go on at the hanging indent. A word longer than a whole
// line (a deeply nested proposal path) is broken too: each piece ends with a
// '\' right after it and the next starts at column 0, since the shell
// removes backslash-newline and joins the pieces into one word — an indent
// there would become part of the word. A piece that ends inside quotes
// closes them and the next reopens them ('ab'\<newline>'cd' is one word).
import { breakPoint } from './break-point.ts';
import { columns } from './columns.ts';
import { type ShellAtom, type ShellWord, shellWords } from './shell-words.ts';
import { TEXT_WIDTH } from './wrap.ts';

// Room kept at the end of a line for what may follow a word: " \".
const CONTINUATION = 2;
// A word longer than a line starts beside the words before it only when at
// least this much room is left there.
const MIN_PIECE = 10;

/** Atoms as shell text, each quoted run in its quotes. */
function render(atoms: readonly ShellAtom[]): string {
  let out = '';
  let open: ShellAtom['quote'] = null;
  for (const atom of atoms) {
    if (atom.quote !== open) {
      out += `${open ?? ''}${atom.quote ?? ''}`;
      open = atom.quote;
    }
    out += atom.text;
  }
  return out + (open ?? '');
}

export function wrapCommand(command: string, indent: string, width = TEXT_WIDTH, hanging = `${indent}  `): string[] {
  const words = shellWords(command);
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  const append = (text: string) => {
    line = empty ? line + text : `${line} ${text}`;
    empty = false;
  };
  const breakLine = (start: string) => {
    lines.push(`${line} \\`);
    line = start;
    empty = true;
  };
  const place = (word: ShellWord, last: boolean) => {
    // Every line but the command's last ends with " \".
    const limit = last ? width : width - CONTINUATION;
    if (columns(line) + (empty ? 0 : 1) + columns(word.raw) <= limit) return append(word.raw);
    if (!empty && columns(hanging) + columns(word.raw) <= limit) {
      breakLine(hanging);
      return append(word.raw);
    }
    if (!empty && width - columns(line) - 1 < MIN_PIECE) breakLine(hanging);
    let rest = word.atoms;
    for (;;) {
      const room = width - columns(line) - (empty ? 0 : 1);
      const n = breakPoint(
        rest.map((a) => a.text),
        room,
        (count) => columns(render(rest.slice(0, count))) + CONTINUATION,
      );
      append(render(rest.slice(0, n)));
      rest = rest.slice(n);
      if (rest.length === 0) return;
      // No space before the '\': the word goes on at column 0.
      lines.push(`${line}\\`);
      line = '';
      empty = true;
    }
  };
  for (const [i, word] of words.entries()) {
    const value = words[i + 1];
    // An option and its value ("--invariant free-once") stay on one line
    // when they fit on one.
    if (value !== undefined && word.raw.startsWith('-') && !value.raw.startsWith('-')) {
      const pair = `${word.raw} ${value.raw}`;
      const limit = i + 1 === words.length - 1 ? width : width - CONTINUATION;
      if (columns(line) + (empty ? 0 : 1) + columns(pair) > limit && !empty && columns(hanging) + columns(pair) <= limit) breakLine(hanging);
    }
    place(word, i === words.length - 1);
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
