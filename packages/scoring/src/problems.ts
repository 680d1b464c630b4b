import { defineProblems, type ProblemDefinition } from "@cohesion/schema";

// The engine's codes: a page that only scores carries these messages, not the insights' own.
const ENGINE_PROBLEMS = {
  not_an_object: {
    severity: "error",
    message: "The {what} must be a JSON object, but {pointer} holds {actual}. Pass the parsed {what} document.",
  },
  benchmark_mismatch: {
    severity: "error",
    message:
      "The assessment answers benchmark {assessmentBenchmark} but was given benchmark {benchmark}. Score it against the benchmark and version it names in /benchmark.",
  },
  duplicate_question_id: {
    severity: "error",
    message: 'Guide question id "{id}" is used more than once in the benchmark (again at {pointer}); answers could not tell them apart. Give each question its own id.',
  },
  duplicate_key_factor_id: {
    severity: "error",
    message: 'Key factor id "{id}" is used more than once in the benchmark (again at {pointer}). Give each key factor its own id.',
  },
  // The same codes and params as @cohesion/model's integrity check reports for the same faults.
  unknown_guide_question: {
    severity: "error",
    message: 'The answer at {pointer} is to guide question "{questionId}", which benchmark "{benchmarkId}" {version} does not have.{hint} Fix the id or remove the answer.',
  },
  unknown_level: {
    severity: "error",
    message: 'The answer at {pointer} uses level "{level}", but scale "{scaleId}" has only {available}.{hint} Use one of those levels, or "n/a" when the question does not apply.',
  },
  scale_not_found: {
    severity: "error",
    message: 'No scale with id "{id}" is known (named at {pointer}). Pass it in the "scales" option or use one of: {known}.',
  },
  scale_values_not_increasing: {
    severity: "error",
    message: "Scale {scale}: level values must increase from the first level to the last, but {pointer} ({value}) is not above the level before it ({previous}).",
  },
  scale_duplicate_level: {
    severity: "error",
    message: 'Scale {scale}: level id "{id}" appears more than once (again at {pointer}).',
  },
  invalid_parameters: {
    severity: "error",
    message: "Parameter {pointer} of scoring model {model} is not valid: {detail}.",
  },
  model_failed: {
    severity: "error",
    message: "Scoring model {model} failed: {detail}. This is a fault of the model, not of the assessment.",
  },
  model_output_invalid: {
    severity: "error",
    message: "Scoring model {model} produced a score report that does not follow score-report.schema.json: {detail} (at {pointer}).",
  },
  unknown_model: {
    severity: "error",
    message: 'No scoring model "{id}" is registered. Known models: {known}.',
  },
  invalid_input: {
    severity: "error",
    message: "{what} at {pointer} is not valid: {detail}.",
  },
  internal_error: {
    severity: "error",
    message: "The scoring engine failed unexpectedly: {detail}. Please report this with the input that caused it.",
  },
  illustrative_assessment: {
    severity: "info",
    message: "The assessment is marked illustrative: its answers are made up to show the tools, not a real rating.",
  },
} as const satisfies Record<string, ProblemDefinition>;

/**
 * The factory of the engine's problem codes (scoring, models, parameters, scales): the problems
 * {@link scoringProblem} makes for the same codes.
 *
 * @example
 * ```ts
 * engineProblem("unknown_model", "", { id: "acme.none", known: ["cohesion.weighted-mean"] });
 * ```
 */
export const engineProblem = /* @__PURE__ */ defineProblems(ENGINE_PROBLEMS);

// The insights' own codes (progress, peers).
const INSIGHT_PROBLEMS = {
  different_subjects: {
    severity: "error",
    message: 'Progress compares two assessments of the same subject, but "{before}" and "{after}" differ. Compare assessments of one city or scheme.',
  },
  different_benchmarks: {
    severity: "error",
    message: "Progress compares assessments of one benchmark (any version), but got {before} and {after}.",
  },
  duplicate_assessment: {
    severity: "error",
    message:
      'Assessment "{id}" is given more than once, so it would count twice in every statistic it is part of. Leave the repeat out, or give each assessment its own id.',
  },
  subject_not_found: {
    severity: "error",
    message: 'No score report among the {count} given belongs to assessment "{id}". Include the subject\'s own score report.',
  },
} as const satisfies Record<string, ProblemDefinition>;

/**
 * The problem codes of the scoring engine and of the insights (progress, peers), with their severities
 * and message templates.
 *
 * @example
 * ```ts
 * scoringProblem("benchmark_mismatch", "/benchmark", { assessmentBenchmark: "a@1.0.0", benchmark: "b@1.0.0" });
 * ```
 */
export const scoringProblem = /* @__PURE__ */ defineProblems(/* @__PURE__ */ Object.assign({}, ENGINE_PROBLEMS, INSIGHT_PROBLEMS));

/**
 * A scoring problem code.
 *
 * @example
 * ```ts
 * const code: ScoringProblemCode = "unknown_level";
 * ```
 */
export type ScoringProblemCode = Extract<keyof typeof scoringProblem.definitions, string>;
