// Every era by name. Adding an era name without a profile fails to compile.
import type { Era, EraName } from './era.ts';
import { upstream } from './upstream.ts';
import { v4_14 } from './v4.14.ts';
import { v5_x } from './v5.x.ts';
import { v6_0 } from './v6.0.ts';
import { v6_1 } from './v6.1.ts';
import { v6_2 } from './v6.2.ts';

export const ERAS = {
  'v4.14': v4_14,
  'v5.x': v5_x,
  'v6.0': v6_0,
  'v6.1': v6_1,
  'v6.2': v6_2,
  upstream,
} as const satisfies Record<EraName, Era>;
