/**
 * Index of the first element of an ascending array that is not below `value`.
 *
 * @example
 * ```ts
 * lowerBound([10, 20, 20, 30], 20); // 1
 * ```
 */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the first element of an ascending array that is above `value`.
 *
 * @example
 * ```ts
 * upperBound([10, 20, 20, 30], 20); // 3
 * ```
 */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The p-quantile (0–1) of an ascending, non-empty array by linear interpolation between closest ranks
 * (the method spreadsheets call PERCENTILE.INC).
 *
 * @example
 * ```ts
 * quantile([10, 20, 30, 40], 0.5); // 25
 * ```
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(sorted.length - 1, below + 1)] as number;
  return low + (high - low) * (position - below);
}

/**
 * Counts scores into `bins` equal bins over 0–100; the last bin includes 100.
 *
 * @example
 * ```ts
 * histogram([0, 55, 100], 4); // [{ from: 0, to: 25, count: 1 }, { from: 25, to: 50, count: 0 }, { from: 50, to: 75, count: 1 }, { from: 75, to: 100, count: 1 }]
 * ```
 */
export function histogram(scores: ArrayLike<number>, bins: number): { from: number; to: number; count: number }[] {
  const width = 100 / bins;
  const result = Array.from({ length: bins }, (_, i) => ({ from: i * width, to: i === bins - 1 ? 100 : (i + 1) * width, count: 0 }));
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(score / width)));
    (result[bin] as { count: number }).count++;
  }
  return result;
}
