import type { ValidationProblem, ValidationReport } from "@cohesion/schema";
import type { ReportAssessment } from "../types";

/**
 * The scores of many assessments of one benchmark as columns, row `i` for assessment `i`: what peer
 * statistics and dashboards need, without a report object per assessment. Each number is the one
 * the assessment's own report carries (`scorer.score(assessments[i])`, which explains it). A row
 * that could not be scored has no scores (NaN) and its problems in `errors`.
 *
 * @example
 * ```ts
 * const table = scorer.scoreAll(assessments);
 * if (table.ok) {
 *   const { overall, keyFactors, keyFactorScores } = table.report;
 *   const first = keyFactorScores[0 * keyFactors.length + 2]; // row 0, third key factor; NaN: no score
 * }
 * ```
 */
export interface ScoreTable {
  /** How many rows (assessments given). */
  readonly size: number;
  readonly benchmark: { readonly id: string; readonly version: string; readonly title: string };
  /** The overall node's title, as reports carry it. */
  readonly title: string;
  /** The key factors, in benchmark order: the columns of `keyFactorScores`. */
  readonly keyFactors: readonly { readonly ref: string; readonly title: string }[];
  /** Overall score per row; NaN where there is none (too little evidence, or not scored). */
  readonly overall: Float64Array;
  /** Key factor scores, row by row (`row * keyFactors.length + column`); NaN where there is none. */
  readonly keyFactorScores: Float64Array;
  /** The assessment block of each row's report (id, subject, place, country); undefined where not scored. */
  readonly assessments: readonly (ReportAssessment | undefined)[];
  /** The problems of the rows that could not be scored, by row. */
  readonly errors: ReadonlyMap<number, ValidationReport>;
  /** Warnings of rows that were scored (deprecated fields, illustrative assessments), by row. */
  readonly warnings: ReadonlyMap<number, readonly ValidationProblem[]>;
}

// Score tables made by a scorer, so peers can tell one from an array of reports without checking it.
const tables = new WeakSet<object>();

/** Marks a score table as made by a scorer. */
export function brandScoreTable<T extends ScoreTable>(table: T): T {
  tables.add(table);
  return table;
}

/** Whether a value is a score table made by a scorer. */
export function isScoreTable(value: unknown): value is ScoreTable {
  return typeof value === "object" && value !== null && tables.has(value);
}
