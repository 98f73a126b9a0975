// commander's accumulator for a repeatable option (--invariant a --invariant b).
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
