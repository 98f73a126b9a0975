// How many columns a line of a plain-text report takes: one per character
// (code point), so '→' counts as one, as it shows in an email — not its
// UTF-16 length or its UTF-8 bytes.

export const columns = (text: string): number => [...text].length;
