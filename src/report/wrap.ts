// Word wrapping for plain-text reports that must fit an 80-column email.
// Breaks at spaces; a single word longer than the width stays whole (a
// replay command must stay pasteable).

export const TEXT_WIDTH = 80;

export function wrap(text: string, indent: string, width = TEXT_WIDTH, hanging = indent + '  '): string[] {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
