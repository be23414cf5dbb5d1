/** Best wall-clock time of `n` runs of `f`, in seconds (benchmarks print figures; tests never assert them). */
export function best(n: number, f: () => void): number {
  let t = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t / 1000;
}
