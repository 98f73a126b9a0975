// One word for a POSIX shell: shell-safe words pass as they are, anything
// else is single-quoted (a command a report prints must paste as it reads).
export const shellQuote = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
