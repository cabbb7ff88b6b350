/**
 * How work grows with the input, independent of the machine's speed: the
 * time at 4× the size over the time at 1×, each the best of a few runs (the
 * least disturbed by other load). Linear work gives about 4, quadratic about
 * 16; tests assert a bound between the two.
 */
export function growth(run: (size: number) => void, size: number, repeats = 3): number {
  const best = (n: number) => {
    let least = Infinity;
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      run(n);
      least = Math.min(least, performance.now() - start);
    }
    return least;
  };
  best(size); // warm up the JIT
  const small = Math.max(best(size), 0.05);
  return best(4 * size) / small;
}

/** Linear, or n log n, but not quadratic: 4× the input takes less than 9× the time. */
export const LINEAR_BOUND = 9;
