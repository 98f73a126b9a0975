// Text as a Markdown code span that shows it exactly: fenced by one backtick
// more than the longest run of backticks inside (CommonMark), padded with a
// space when it starts or ends with a backtick (the padding is stripped when
// rendered), and on one line — a code span renders a line break as a space
// anyway, and a table cell or list item must not be split by one. In a
// table cell, pass the result through md-cell.ts.

export function mdCode(text: string): string {
  // Nothing between two backticks is no code span at all.
  if (text === '') return '` `';
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(flat) || /^ .*[^ ].* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
