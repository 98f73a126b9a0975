// The four families the invariants judge memory types by. One exhaustive
// match, so a new memory type does not compile until it is put in a family
// (the seeds' bug class: a new type forgotten in one switch).
import { match } from 'ts-pattern';
import type { FrameType } from '../vocabulary.ts';

/**
 * 'system': normal RAM. 'device-private': not CPU addressable, reached through
 * device-private entries. 'device-coherent': CPU-mapped device memory that
 * must stay evictable (COHERENT, v4.14 PUBLIC: "no one should pin it long
 * term", include/linux/memremap.h). 'host-dax': host memory behind a
 * dev_pagemap that behaves like RAM (FS_DAX, GENERIC, HOST) or a PCI BAR.
 */
export type TypeClass = 'system' | 'device-private' | 'device-coherent' | 'host-dax';

export const typeClass = (type: FrameType): TypeClass =>
  match<FrameType, TypeClass>(type)
    .with('SYSTEM', () => 'system')
    .with('PRIVATE', () => 'device-private')
    .with('COHERENT', 'PUBLIC', () => 'device-coherent')
    .with('FS_DAX', 'GENERIC', 'HOST', 'PCI_P2PDMA', () => 'host-dax')
    .exhaustive();
