import type { ScoreReport, ValidationReport } from "@cohesion/schema";
import type { AnyScoringModel } from "./model";

/**
 * Checks what a scoring model returned; problems of an invalid report come back as
 * `model_output_invalid` problems (one per problem, same pointer and message as detail).
 * `checkScoreReportOutput` checks against score-report.schema.json.
 */
export type ReportCheck = (report: ScoreReport) => ValidationReport;

// Where a model wrapped by withCheckedOutput carries its check. Symbol.for: two copies of the package agree.
export const REPORT_CHECK: unique symbol = Symbol.for("@cohesion/scoring.reportCheck");

/** The check a model carries (see `withCheckedOutput`), if any. */
export function reportCheckOf(model: AnyScoringModel): ReportCheck | undefined {
  const check = (model as { [REPORT_CHECK]?: unknown })[REPORT_CHECK];
  return typeof check === "function" ? (check as ReportCheck) : undefined;
}

