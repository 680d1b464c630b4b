import type { ScoreReport } from "@cohesion/schema";
import type { ScoreOptions } from "./options";
import type { ScoringResult } from "../result";
import { optionsOf, safely } from "../result";
import { scoreQuicklyFirst } from "./quick-path";
import { scoreThoroughly } from "./score-steps";

export type { ScoreOptions } from "./options";

/**
 * Scores one assessment against its benchmark with a scoring model (default `cohesion.weighted-mean`).
 * Never throws: garbage input, a benchmark other than the one the assessment answers, an answer to an
 * unknown question, a level not on the scale or bad model parameters come back as
 * `{ ok: false, errors }`, a validation report whose problems carry `params.document`
 * ("assessment", "benchmark", "scale" or "parameters") and a JSON Pointer into that document.
 *
 * @example
 * ```ts
 * const result = scoreAssessment(assessment, benchmark);
 * if (result.ok) {
 *   result.report.overall.score; // e.g. 62.5
 *   result.report.overall.children?.[0]?.trace; // how the first section's score was made
 * }
 * ```
 */
export function scoreAssessment(assessment: unknown, benchmark: unknown, options: ScoreOptions = {}): ScoringResult<ScoreReport> {
  return safely(() => {
    const given = optionsOf(options);
    // Anything amiss, or an assessment the quick path is not sure of, takes the thorough path.
    return scoreQuicklyFirst(assessment, benchmark, given) ?? scoreThoroughly(assessment, benchmark, given);
  });
}

