// The built-ins whose headers expect violations: random checking must find
// exactly those (and, for coherent-v1 and hmm-v4.14, short counterexamples).
import { verdictTable } from './verdict-table.ts';

verdictTable(['hmm-v4.14', 'devmap-v5.x', 'coherent-v1', 'cdm-numa-rfc']);
