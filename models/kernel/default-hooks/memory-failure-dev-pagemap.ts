// memory_failure_dev_pagemap / mf_generic_kill_procs (mm/memory-failure.c):
// the type's rule (TYPE_RULES.memoryFailure): device memory refused with the
// era's errno, DAX-like host memory poisoned and its mappers killed.
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { Hooks } from '../hooks.ts';

export const memory_failure_dev_pagemap =
  (era: Era): Hooks['memory_failure_dev_pagemap'] =>
  (folio) =>
    TYPE_RULES[folio.memoryType].memoryFailure(era);
