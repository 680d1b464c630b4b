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
 * The percentile rank of a score among `others` other scores: those below it, and half of those equal
 * to it, as a share of the others (0–100); NaN when there are no others. `below` and `equal` count
 * the others only.
 *
 * @example
 * ```ts
 * percentileRank(2, 1, 4); // (2 + ½ · 1) / 4 · 100 = 62.5
 * ```
 */
export function percentileRank(below: number, equal: number, others: number): number {
  return others > 0 ? Math.min(100, Math.max(0, ((below + 0.5 * equal) / others) * 100)) : NaN;
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

// Annotated so a bundle that does not read it drops it (a bundler cannot tell the test is pure).
const LITTLE_ENDIAN = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([1]).buffer)[0] === 1)();

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
  return sortScores(column).order;
}

/**
 * Working space {@link sortScores} may reuse from one column to the next: sorting many columns then
 * allocates nothing per column.
 */
export interface SortBuffers {
  readonly values: Float64Array;
  readonly nextValues: Float64Array;
  readonly order: Int32Array;
  readonly nextOrder: Int32Array;
}

/**
 * Buffers for sorting columns of at most `size` scores with {@link sortScores}.
 *
 * @example
 * ```ts
 * const buffers = sortBuffers(column.length); // then sortScores(column, buffers) for every column
 * ```
 */
export function sortBuffers(size: number): SortBuffers {
  return { values: new Float64Array(size), nextValues: new Float64Array(size), order: new Int32Array(size), nextOrder: new Int32Array(size) };
}

/**
 * The scores of `column` that are numbers, ascending (`values`), and where each came from (`order`,
 * as {@link scoreOrder} gives it): reading the scores in order needs no look-up by position. With
 * `buffers` the two arrays are views into them, good until the next sort with the same buffers.
 *
 * @example
 * ```ts
 * sortScores(Float64Array.of(50, NaN, 0, 100)); // { order: Int32Array [2, 0, 3], values: Float64Array [0, 50, 100] }
 * ```
 */
export function sortScores(column: Float64Array, buffers?: SortBuffers): { order: Int32Array; values: Float64Array } {
  const n = countScores(column);
  if (!LITTLE_ENDIAN || n < 64) {
    const present: number[] = [];
    for (let i = 0; i < column.length; i++) if (column[i] === column[i]) present.push(i);
    const order = Int32Array.from(present.sort((a, b) => (column[a] as number) - (column[b] as number)));
    return { order, values: Float64Array.from(order, (i) => column[i] as number) };
  }
  // Views from the start of their buffers: the byte passes below read the buffers from offset 0.
  let values = buffers ? buffers.values.subarray(0, n) : new Float64Array(n);
  let order = buffers ? buffers.order.subarray(0, n) : new Int32Array(n);
  gatherScores(column, values, order);
  let nextValues = buffers ? buffers.nextValues.subarray(0, n) : new Float64Array(n);
  let nextOrder = buffers ? buffers.nextOrder.subarray(0, n) : new Int32Array(n);
  const counts = countBytes(new Uint8Array(values.buffer), n);
  const first = new Uint8Array(values.buffer).slice(0, 8); // the bytes of one score, kept: the buffers are reused
  for (let pass = 0; pass < 8; pass++) {
    const at = pass * 256;
    // A byte every score shares does not reorder anything.
    if (counts[at + (first[pass] as number)] === n) continue;
    scatter(values, order, nextValues, nextOrder, counts, pass);
    const valuesRead = values;
    values = nextValues;
    nextValues = valuesRead;
    const orderRead = order;
    order = nextOrder;
    nextOrder = orderRead;
  }
  return { order, values };
}

// How many scores of a column are numbers; -1 when one is below 0 (or -0), which byte order misplaces.
function countScores(column: Float64Array): number {
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i] as number;
    if (value !== value) continue;
    if (value < 0 || (value === 0 && 1 / value < 0)) return -1;
    n++;
  }
  return n;
}

// The scores that are numbers, and their positions in the column.
function gatherScores(column: Float64Array, values: Float64Array, order: Int32Array): void {
  for (let i = 0, k = 0; i < column.length; i++) {
    const value = column[i] as number;
    if (value !== value) continue;
    values[k] = value;
    order[k++] = i;
  }
}

// The counts of every byte position of n scores at once: reordering changes none of them.
// The loops of a radix sort are functions of their own, each optimised once it has run.
function countBytes(all: Uint8Array, n: number): Int32Array {
  const counts = new Int32Array(8 * 256);
  for (let i = 0; i < n * 8; i += 8) {
    for (let pass = 0; pass < 8; pass++) (counts[pass * 256 + (all[i + pass] as number)] as number)++;
  }
  return counts;
}

// One pass of the radix sort: scores and positions moved into `nextValues` and `nextOrder` by byte `pass`.
function scatter(values: Float64Array, order: Int32Array, nextValues: Float64Array, nextOrder: Int32Array, counts: Int32Array, pass: number): void {
  const bytes = new Uint8Array(values.buffer);
  const at = pass * 256;
  let position = 0;
  for (let b = at; b < at + 256; b++) {
    const count = counts[b] as number;
    counts[b] = position;
    position += count;
  }
  for (let i = 0; i < values.length; i++) {
    const b = at + (bytes[i * 8 + pass] as number);
    const to = counts[b] as number;
    nextValues[to] = values[i] as number;
    nextOrder[to] = order[i] as number;
    counts[b] = to + 1;
  }
}
