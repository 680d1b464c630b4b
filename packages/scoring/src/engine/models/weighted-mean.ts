import type { TreeRules } from "../aggregate";
import { defineScoringModel } from "../model";
import { bandsSchema, coverageThresholdSchema, numberParameter, parameterObject, type ParametersOf } from "../parameters";

/**
 * Parameters of `cohesion.weighted-mean`.
 *
 * @example
 * ```ts
 * weightedMeanParameters.parse({}); // { coverageThreshold: 0.5, parentAnswerWeight: 1, bands: DEFAULT_BANDS }
 * ```
 */
export const weightedMeanParameters = /* @__PURE__ */ parameterObject({
  coverageThreshold: coverageThresholdSchema,
  parentAnswerWeight: /* @__PURE__ */ numberParameter({ min: 0, max: 1_000_000, default: 1 }),
  bands: bandsSchema,
});

/**
 * The default model. Each answer is read on its scale as 0–100. A guide question with sub-questions
 * scores as the weighted mean of its own answer (weight `parentAnswerWeight`, counted only when given)
 * and its sub-questions (their own weights). Questions roll up into their key factor, key factors into
 * their section and sections into the overall score, each as a weighted mean with the benchmark's
 * weights (default 1) over the inputs that have a score. n/a is left out; an unanswered question
 * lowers coverage and never counts as zero; below `coverageThreshold` a node has no score.
 *
 * @example
 * ```ts
 * const result = scoreAssessment(assessment, benchmark, { model: weightedMean });
 * ```
 */
export const weightedMean = defineScoringModel({
  id: "cohesion.weighted-mean",
  version: "1.0.0",
  title: "Weighted mean",
  description:
    "Answers read as 0–100 on their scale, rolled up question → key factor → section → overall as weighted means with the benchmark's weights; n/a left out, unanswered questions lower coverage.",
  parameters: weightedMeanParameters,
  score(_assessment, _benchmark, context) {
    return context.report(context.buildTree(weightedMeanRules(context.parameters)));
  },
});

/**
 * The tree rules of `cohesion.weighted-mean` for its parameters.
 *
 * @example
 * ```ts
 * weightedMeanRules(weightedMeanParameters.parse({})).combine.overall; // "weighted-mean"
 * ```
 */
export function weightedMeanRules(parameters: ParametersOf<typeof weightedMeanParameters>): Omit<TreeRules, "explain" | "detail"> {
  const { coverageThreshold, parentAnswerWeight, bands } = parameters;
  const mean = "weighted-mean" as const;
  return { useWeights: true, coverageThreshold, parentAnswerWeight, bands, combine: { question: mean, keyFactor: mean, section: mean, overall: mean } };
}
