// " (did you mean 'x'?)" for a misspelt op, field, era or proposal name, using
// the same edit-distance rule as the proposal validator.
import { closestName } from '../../models/proposals/closest-name.ts';

export function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closestName(word, candidates);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}
