import { validateScoreReport } from "@cohesion/schema";
import type { AnyScoringModel } from "./model";
import { REPORT_CHECK, type ReportCheck } from "./report-check";

/**
 * The full output check: a score report against score-report.schema.json (the precompiled
 * `validateScoreReport` of @cohesion/schema). Pass it as `checkReport` to check a model's output,
 * or let {@link withCheckedOutput} use it.
 *
 * @example
 * ```ts
 * scoreAssessment(assessment, benchmark, { model: theirModel, checkReport: checkScoreReportOutput });
 * ```
 */
export const checkScoreReportOutput: ReportCheck = (report) => validateScoreReport(report);

/**
 * Wraps a third-party scoring model so that every report it returns is checked (by default against
 * score-report.schema.json) wherever it is used: `scoreAssessment`, `createScorer` and score tables
 * report an invalid report as `model_output_invalid` problems instead of passing it on. The plugin
 * host wraps every plugin model this way; a caller holding a third-party model directly should wrap it
 * (or pass `checkReport` to `scoreAssessment` / `createScorer`). Built-in models need no wrapping:
 * they are tested against the schema. The engine does not import the score-report validator
 * otherwise, so a browser bundle that does not use this function leaves it out.
 *
 * The wrapper has the model's own fields and prototype; it is a new object (the model is not changed).
 *
 * @example
 * ```ts
 * import { scoreAssessment, withCheckedOutput } from "@cohesion/scoring";
 *
 * const median = withCheckedOutput(acmeMedianModel);
 * const result = scoreAssessment(assessment, benchmark, { model: median });
 * if (!result.ok) result.errors.errors[0]?.code; // "model_output_invalid" when acme's report breaks the schema
 * ```
 */
export function withCheckedOutput<M extends AnyScoringModel>(model: M, check: ReportCheck = checkScoreReportOutput): M {
  const wrapped = Object.assign(Object.create(Object.getPrototypeOf(model) as object | null) as M, model);
  Object.defineProperty(wrapped, REPORT_CHECK, { value: check, enumerable: false });
  return wrapped;
}
