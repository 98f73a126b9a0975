import { describe, expect, it } from 'vitest';
import { deepEqual, describeDifference } from './deep-equal.ts';

describe('deepEqual / describeDifference', () => {
  it('compares records regardless of key order, undefined as absent', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ kind: 'present', owner: undefined }, { kind: 'present' })).toBe(true);
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
  });

  it('names the first difference by path, numeric keys in order', () => {
    const kernel = { procs: { p0: { ptes: { 10: { kind: 'present' }, 3: { kind: 'present', pfn: 4 } } } } };
    const reference = { procs: { p0: { ptes: { 10: { kind: 'none' }, 3: { kind: 'device-private', pfn: 4 } } } } };
    expect(describeDifference(kernel, reference, ['kernel', 'reference'])).toBe("procs.p0.ptes.3.kind: kernel 'present', reference 'device-private'");
    expect(describeDifference({ a: 1 }, { a: 1, b: 2 }, ['kernel', 'reference'])).toBe('b: kernel absent, reference 2');
    expect(describeDifference({ a: 1 }, { a: 1 }, ['x', 'y'])).toBeUndefined();
  });
});
