// The bounds as one phrase, for reports: "pages 1, procs 2, devices 1, values 1, symmetry".
import type { ExploreBounds } from './bounds.ts';

export const describeBounds = (b: ExploreBounds): string =>
  `pages ${b.pages}, procs ${b.procs}, devices ${b.devices}, values ${b.values}${b.types === undefined ? '' : `, types ${b.types.join(',')}`}, ${b.symmetry ? 'symmetry reduced' : 'no symmetry reduction'}`;
