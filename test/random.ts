/** mulberry32: numbers in [0, 1), the same for a seed on every run, for tests that try many made-up cases. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from 0 to n - 1, from such a source. */
export const below = (next: () => number, n: number): number => Math.floor(next() * n);
