// A shell command line split into its words the way sh splits it (quotes,
// backslash escapes), each word kept as quoting atoms: what wrap-command.ts
// needs to break a word too long for a line into pieces the shell joins
// back, without re-interpreting it. Expansions ($x, globs) are not
// evaluated: they stay part of the text they are in.

/** One character (or backslash escape) of a word, and the quotes it is inside. */
export interface ShellAtom {
  /** Its source text: a character, or a backslash and the character it escapes. */
  readonly text: string;
  readonly quote: "'" | '"' | null;
}

export interface ShellWord {
  /** The word as written. */
  readonly raw: string;
  /** An empty quoted string ('') is one atom with empty text. */
  readonly atoms: readonly ShellAtom[];
}

export function shellWords(command: string): ShellWord[] {
  const words: ShellWord[] = [];
  const chars = [...command];
  let raw = '';
  let atoms: ShellAtom[] = [];
  const end = () => {
    if (raw !== '') words.push({ raw, atoms });
    raw = '';
    atoms = [];
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (/\s/.test(c)) {
      end();
      continue;
    }
    if (c === "'" || c === '"') {
      // A quoted run up to its closing quote (or the end of an unterminated one).
      const start = atoms.length;
      let j = i + 1;
      for (; j < chars.length && chars[j] !== c; j++) {
        const escaped = c === '"' && chars[j] === '\\' && j + 1 < chars.length;
        const text = escaped ? `\\${chars[++j] ?? ''}` : (chars[j] ?? '');
        atoms.push({ text, quote: c });
      }
      if (atoms.length === start) atoms.push({ text: '', quote: c });
      raw += chars.slice(i, j + 1).join('');
      i = j;
      continue;
    }
    const text = c === '\\' && i + 1 < chars.length ? `\\${chars[++i] ?? ''}` : c;
    atoms.push({ text, quote: null });
    raw += text;
  }
  end();
  return words;
}
