import type { ScoreReport } from "@cohesion/schema";
import type { ScoringResult } from "../result";
import type { ScoreOptions } from "./options";
import { prepareScoring, scoreQuickly } from "./scorer";

// What scoreAssessment tries before the thorough path: the benchmark prepared as for a scorer and a
// plainly valid assessment read in one pass. The browser build (dist/browser.js) puts quick-path.browser.ts
// in its place, which tries nothing: a page scores an assessment or two, and the thorough path gives
// the same result, so the bundle need not carry a second way to it.

/**
 * The report of the quick path, or undefined when the assessment (or the benchmark) needs the thorough path.
 *
 * @example
 * ```ts
 * const result = scoreQuicklyFirst(assessment, benchmark, {}) ?? scoreThoroughly(assessment, benchmark, {});
 * ```
 */
export function scoreQuicklyFirst(assessment: unknown, benchmark: unknown, options: ScoreOptions): ScoringResult<ScoreReport> | undefined {
  // Benchmark, model, parameters and scales are checked as for a scorer (cached per benchmark).
  const prepared = prepareScoring(benchmark, options, false);
  return prepared.value ? scoreQuickly(prepared.value, assessment) : undefined;
}
