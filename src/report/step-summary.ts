// GitHub Actions' job summary: when GITHUB_STEP_SUMMARY names a file, `zdspec
// check` appends its Markdown summary there (never overwrites: other steps
// write to it too). A file that cannot be written is a warning, never the
// end of a check run whose reports are already written.
import { appendFileSync, statSync } from 'node:fs';

/** Appends `markdown` to the step summary file; returns a warning to print when that failed. */
export function appendStepSummary(markdown: string, file: string | undefined = process.env.GITHUB_STEP_SUMMARY): string | undefined {
  if (file === undefined || file === '') return undefined;
  try {
    // A blank line first when the file has something already, so this starts a block of its own.
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      size = 0;
    }
    appendFileSync(file, size > 0 ? `\n${markdown}` : markdown);
    return undefined;
  } catch (e) {
    return `zdspec check: warning: GITHUB_STEP_SUMMARY=${file}: cannot append the summary: ${e instanceof Error ? e.message : String(e)}`;
  }
}
