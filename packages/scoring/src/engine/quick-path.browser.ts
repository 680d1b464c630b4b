import type { ScoreReport } from "@cohesion/schema";
import type { ScoringResult } from "../result";

// The browser build's quick-path.ts: no quick path, every assessment is scored the thorough way,
// with the same result (see quick-path.ts).

/**
 * Always undefined: the thorough path scores.
 *
 * @example
 * ```ts
 * scoreQuicklyFirst(); // undefined
 * ```
 */
export function scoreQuicklyFirst(): ScoringResult<ScoreReport> | undefined {
  return undefined;
}
