import type { Scale } from "@cohesion/schema";
import type { AnyScoringModel } from "./model";
import type { ReportCheck } from "./report-check";

/**
 * Options of {@link scoreAssessment}.
 *
 * @example
 * ```ts
 * const options: ScoreOptions = { model: "cohesion.threshold", parameters: { threshold: 75 } };
 * ```
 */
export interface ScoreOptions {
  /** The model, or its id among `models` (default: the built-in models). Default `cohesion.weighted-mean`. */
  readonly model?: AnyScoringModel | string;
  /** Models to look a model id up in; default {@link BUILTIN_MODELS}. */
  readonly models?: readonly AnyScoringModel[];
  /** The model's parameters; defaults fill what is left out. */
  readonly parameters?: unknown;
  /** The scale to read answers on; overrides the id the assessment or benchmark names. */
  readonly scale?: Scale;
  /** Scales to look the assessment's or benchmark's scale id up in, besides the built-in scales. */
  readonly scales?: readonly Scale[];
  /** False leaves traces out of the report (for bulk statistics); default true. */
  readonly explain?: boolean;
  /** "key-factors" leaves guide question nodes out of the report, for compact reports in bulk; default "questions". */
  readonly detail?: "questions" | "key-factors";
  /**
   * Checks the report a model other than the built-in ones returns; an invalid report becomes
   * `model_output_invalid` problems. Not given: the check the model carries (see `withCheckedOutput`;
   * the plugin host wraps every plugin model), else none. Pass `checkScoreReportOutput` for the full
   * check against score-report.schema.json when scoring a third-party model you hold directly.
   *
   * @example
   * ```ts
   * scoreAssessment(assessment, benchmark, { model: theirModel, checkReport: checkScoreReportOutput });
   * ```
   */
  readonly checkReport?: ReportCheck;
  /**
   * True when the caller has checked every assessment against assessment.schema.json already (for
   * example with `validateAssessment`, no error): the schema check is not repeated. Every field scoring reads is still checked for its type, and the answers against the
   * benchmark and scale (unknown questions, levels off the scale), so an assessment that is not
   * what was promised is checked in full and gets its report, never a throw. What only the schema
   * finds (an id's pattern, a date's format, an unknown field, a deprecated field's warning) is not
   * reported again. Default false.
   *
   * @example
   * ```ts
   * const checked = assessments.filter((a) => validateAssessment(a).valid);
   * createScorer(benchmark, { explain: false, detail: "key-factors", validated: true });
   * ```
   */
  readonly validated?: boolean;
}
