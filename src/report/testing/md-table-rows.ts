// For tests: the cells per row of every GFM table in a Markdown text, as
// micromark (CommonMark and GitHub's table extension) tokenizes it — the
// token stream, not rendered HTML, since HTML silently drops a row's cells
// past the header's count, the very breakage the tests look for.
import { parse, postprocess, preprocess } from 'micromark';
import { gfmTable } from 'micromark-extension-gfm-table';

/** One entry per table, one count per row: the header row first, then each body row. */
export function mdTableRows(markdown: string): number[][] {
  const events = postprocess(
    parse({ extensions: [gfmTable()] })
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const tables: number[][] = [];
  for (const [kind, token] of events) {
    if (kind !== 'enter') continue;
    if (token.type === 'table') tables.push([]);
    else if (token.type === 'tableRow') tables.at(-1)?.push(0);
    else if (token.type === 'tableHeader' || token.type === 'tableData') {
      const rows = tables.at(-1);
      if (rows !== undefined && rows.length > 0) rows[rows.length - 1] = (rows.at(-1) ?? 0) + 1;
    }
  }
  return tables;
}
