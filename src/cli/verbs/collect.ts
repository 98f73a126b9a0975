// Repeatable options: commander's accumulator (--invariant a --invariant b),
// and the values of such an option with comma lists split (-i a,b -i c).
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Every value given, comma lists split, blanks dropped, in order. */
export function listValues(raw: readonly string[] | undefined): string[] {
  return (raw ?? [])
    .flatMap((r) => r.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}
