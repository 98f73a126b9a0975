// The built-ins whose headers claim every invariant holds: each must survive
// the whole budget (at least 2,000 runs) with nothing found.
import { verdictTable } from './verdict-table.ts';

verdictTable(['coherent-v4', 'v6.0', 'v6.1', 'upstream']);
