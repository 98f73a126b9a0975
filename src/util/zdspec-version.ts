// zdspec's own version (package.json), for --version, summaries and reports.
import { zdspecPackage } from './package-root.ts';

export const zdspecVersion = (): string => zdspecPackage().version;
