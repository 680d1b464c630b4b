/**
 * Decimals every node score and coverage is rounded to when it is computed, and every figure it is
 * compared with (band lower bounds, thresholds, targets) before the comparison: 9.
 *
 * @example
 * ```ts
 * SCORE_DECIMALS; // 9
 * ```
 */
export const SCORE_DECIMALS = 9;
const SCALE = 1e9;

/**
 * A number rounded to {@link SCORE_DECIMALS} decimals: `Math.round(value × 10^9) / 10^9` in IEEE 754
 * doubles (halves go up). Floating-point arithmetic drifts by far less than 10^-9 on 0–100 scores,
 * so a value that is exactly 50 in rational arithmetic (but computed as 49.99999999999999) becomes 50,
 * and two equal scores computed in different orders become the same number: bands, thresholds,
 * ties, gap ranking and peers decide on these rounded numbers, identically.
 *
 * @example
 * ```ts
 * roundScore((1 / 3) * 150); // 50
 * roundScore(925 / 12); // 77.083333333
 * ```
 */
export function roundScore(value: number): number {
  return Math.round(value * SCALE) / SCALE;
}
