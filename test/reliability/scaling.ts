/**
 * How work grows with the input, independent of the machine's speed: the
 * time at 4× the size over the time at 1×. Each is timed over enough calls to
 * last some 25 ms (so that the timer's grain and one interruption matter
 * little), and each is the best of a few tries, the two sizes in turn (the least disturbed by other
 * load). Linear work gives about 4, quadratic about 16; tests assert a bound
 * between the two.
 */
export function growth(run: (size: number) => void, size: number, repeats = 7): number {
  const timed = (n: number, calls: number) => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) run(n);
    return performance.now() - start;
  };
  timed(size, 1); // warm up the JIT
  let calls = 1;
  while (calls < 1024 && timed(size, calls) < 25) calls *= 2;
  // the two sizes in turn, so that a busy spell of the machine slows both alike; the best time of each
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < repeats; i++) {
    small = Math.min(small, timed(size, calls));
    large = Math.min(large, timed(4 * size, calls));
  }
  return large / Math.max(small, 0.05);
}

/** Linear, or n log n, but not quadratic: 4× the input takes less than 9× the time. */
export const LINEAR_BOUND = 9;
