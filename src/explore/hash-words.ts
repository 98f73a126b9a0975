// A state's words hashed to 64 bits, as two 32-bit halves from two
// independently seeded multiply-xorshift mixers (murmur3's finaliser on
// each word, then combined). With n distinct states the chance that any two
// of them share a hash is about n² / 2⁶⁵: 3 × 10⁻⁸ for a million states,
// 3 × 10⁻⁶ for ten million. A collision would make explore skip a state it
// never expanded; --exact keeps whole keys instead and has no such risk.
export interface Hash64 {
  readonly hi: number;
  readonly lo: number;
}

function mix(h: number, w: number): number {
  let k = Math.imul(w, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, n: number): number {
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Words are integers (or a page's data value, folded to its low 32 bits and its high part). */
export function hashWords(words: readonly number[]): Hash64 {
  let a = 0x9747b28c;
  let b = 0x5bd1e995;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? 0;
    const low = w | 0;
    const high = Number.isInteger(w) && Math.abs(w) < 0x8000_0000 ? 0 : Math.floor(w / 0x1_0000_0000) | 0;
    a = mix(a, low);
    b = mix(b, low ^ 0x5f356495);
    if (high !== 0) {
      a = mix(a, high);
      b = mix(b, high);
    }
  }
  return { hi: finish(a, words.length), lo: finish(b, words.length ^ 0x27d4eb2f) };
}
