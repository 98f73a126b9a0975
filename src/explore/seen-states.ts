// The set of states explore has reached: 64-bit hashes in an open-addressing
// table of two Uint32Arrays (8 bytes a slot, at most half full: about 16
// bytes a state), or with --exact the whole words as strings (no collision
// risk; hundreds of bytes a state).
import { hashWords } from './hash-words.ts';

export interface SeenStates {
  /** Adds the state; false when it was there already. */
  add(words: readonly number[]): boolean;
  /** The same, for a state whose hash (hashWords) was computed elsewhere: another thread. Hashed sets only. */
  addHash(hi: number, lo: number): boolean;
  /** The same, for a state whose words were joined by commas elsewhere. Exact sets only. */
  addKey(key: string): boolean;
  readonly size: number;
  /** Bytes the set itself holds. */
  readonly bytes: number;
}

export function hashedSeenStates(): SeenStates {
  let cap = 1 << 16;
  let hi = new Uint32Array(cap);
  let lo = new Uint32Array(cap);
  // The empty slot is (0, 0); a state hashing to it is stored as (0, 1).
  let size = 0;
  const insert = (h: number, l: number): boolean => {
    let i = (l ^ Math.imul(h, 0x9e3779b1)) & (cap - 1);
    for (;;) {
      const sh = hi[i] ?? 0;
      const sl = lo[i] ?? 0;
      if (sh === 0 && sl === 0) {
        hi[i] = h;
        lo[i] = l;
        return true;
      }
      if (sh === h && sl === l) return false;
      i = (i + 1) & (cap - 1);
    }
  };
  const grow = () => {
    const oldHi = hi;
    const oldLo = lo;
    cap *= 2;
    hi = new Uint32Array(cap);
    lo = new Uint32Array(cap);
    for (let i = 0; i < oldHi.length; i++) if ((oldHi[i] ?? 0) !== 0 || (oldLo[i] ?? 0) !== 0) insert(oldHi[i] ?? 0, oldLo[i] ?? 0);
  };
  const addHash = (h: number, l0: number): boolean => {
    const l = h === 0 && l0 === 0 ? 1 : l0;
    if (!insert(h, l)) return false;
    if (++size * 2 > cap) grow();
    return true;
  };
  return {
    add(words) {
      const { hi, lo } = hashWords(words);
      return addHash(hi, lo);
    },
    addHash,
    addKey() {
      throw new Error('hashedSeenStates: addKey needs exact keys');
    },
    get size() {
      return size;
    },
    get bytes() {
      return cap * 8;
    },
  };
}

export function exactSeenStates(): SeenStates {
  const seen = new Set<string>();
  let bytes = 0;
  const addKey = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    bytes += key.length + 32;
    return true;
  };
  return {
    add: (words) => addKey(words.join(',')),
    addKey,
    addHash() {
      throw new Error('exactSeenStates: addHash needs hashed keys');
    },
    get size() {
      return seen.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
