// Markdown made safe for one cell of a GFM table row, so the row keeps its
// number of cells whatever the text holds ("PROT_READ|PROT_WRITE",
// "FOLL_LONGTERM|FOLL_WRITE", a hook's message with a newline). GFM splits
// a row at every '|' not escaped by a backslash — inside code spans too —
// and then unescapes '\|' to '|' (code spans included), so every unescaped
// pipe gets a backslash; one that already has one (an odd run of
// backslashes before it) is left alone, or the added backslash would
// escape that one and free the pipe (so a code span cannot show a single
// backslash right before a pipe in a table: GFM has no way to). A row is one
// line, so a line break becomes <br>. Code spans are built by md-code.ts,
// which keeps them on one line.

export const mdCell = (markdown: string): string => markdown.replace(/(\\*)\|/g, (_, slashes: string) => (slashes.length % 2 === 1 ? `${slashes}|` : `${slashes}\\|`)).replace(/\r\n|\r|\n/g, '<br>');
