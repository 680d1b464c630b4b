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
  for (let i = 0; i < scores.length; i++) (result[binOf(scores[i] as number, bins)] as { count: number }).count++;
  return result;
}

/**
 * The bin of {@link histogram} a score falls in: bin i of `bins` holds scores from i × 100/bins up to,
 * not including, (i + 1) × 100/bins; the last bin also holds 100.
 *
 * @example
 * ```ts
 * binOf(50, 4); // 2
 * binOf(100, 4); // 3
 * ```
 */
export function binOf(score: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(score / (100 / bins))));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The positions of the scores in `column` that are numbers (not NaN), lowest score first: one sort
 * serves every peer group. Non-negative scores are ordered by their bytes (a radix sort).
 *
 * @example
 * ```ts
 * scoreOrder(Float64Array.of(50, NaN, 0, 100)); // Int32Array [2, 0, 3]
 * ```
 */
export function scoreOrder(column: Float64Array): Int32Array {
  let n = 0;
  let radix = LITTLE_ENDIAN;
  for (let i = 0; i < column.length; i++) {
    const value = column[i] as number;
    if (value !== value) continue;
    n++;
    if (!(value > 0) && !(value === 0 && 1 / value > 0)) radix = false;
  }
  if (!radix || n < 64) {
    const present: number[] = [];
    for (let i = 0; i < column.length; i++) if (column[i] === column[i]) present.push(i);
    return Int32Array.from(present.sort((a, b) => (column[a] as number) - (column[b] as number)));
  }
  let values = new Float64Array(n);
  let order = new Int32Array(n);
  for (let i = 0, k = 0; i < column.length; i++) {
    const value = column[i] as number;
    if (value !== value) continue;
    values[k] = value;
    order[k++] = i;
  }
  let nextValues = new Float64Array(n);
  let nextOrder = new Int32Array(n);
  // The counts of every byte position at once: reordering changes none of them.
  const counts = new Int32Array(8 * 256);
  const all = new Uint8Array(values.buffer);
  for (let i = 0; i < n * 8; i += 8) {
    for (let pass = 0; pass < 8; pass++) (counts[pass * 256 + (all[i + pass] as number)] as number)++;
  }
  const first = all.slice(0, 8); // the bytes of one score, kept: the buffers are reused
  for (let pass = 0; pass < 8; pass++) {
    const bytes = new Uint8Array(values.buffer);
    const at = pass * 256;
    // A byte every score shares does not reorder anything.
    if (counts[at + (first[pass] as number)] === n) continue;
    let position = 0;
    for (let b = at; b < at + 256; b++) {
      const count = counts[b] as number;
      counts[b] = position;
      position += count;
    }
    for (let i = 0; i < n; i++) {
      const b = at + (bytes[i * 8 + pass] as number);
      const to = counts[b] as number;
      nextValues[to] = values[i] as number;
      nextOrder[to] = order[i] as number;
      counts[b] = to + 1;
    }
    [values, nextValues] = [nextValues, values];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}
