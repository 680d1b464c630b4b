import type { TreeRules } from "../aggregate";
import { defineScoringModel } from "../model";
import { bandsSchema, coverageThresholdSchema, parameterObject, type ParametersOf } from "../parameters";

/**
 * Parameters of `cohesion.equal-average`.
 *
 * @example
 * ```ts
 * equalAverageParameters.parse({ coverageThreshold: 0 }).bands.length; // 4
 * ```
 */
export const equalAverageParameters = /* @__PURE__ */ parameterObject({
  coverageThreshold: coverageThresholdSchema,
  bands: bandsSchema,
});

/**
 * MIPEX-style index: every answer read on its scale as 0–100 (a yes/partly/no answer becomes 100/50/0),
 * then plain unweighted means at every level (question, key factor, section, overall). Benchmark weights
 * are ignored on purpose, so indices stay comparable when networks weight differently.
 *
 * @example
 * ```ts
 * scoreAssessment(assessment, benchmark, { model: equalAverage, scale: YES_PARTLY_NO_SCALE });
 * ```
 */
export const equalAverage = defineScoringModel({
  id: "cohesion.equal-average",
  version: "1.0.0",
  title: "Equal average",
  description:
    "Answers read as 0–100 on their scale and averaged without weights at every level, as policy indices such as MIPEX do.",
  parameters: equalAverageParameters,
  score(_assessment, _benchmark, context) {
    return context.report(context.buildTree(equalAverageRules(context.parameters)));
  },
});

/**
 * The tree rules of `cohesion.equal-average` for its parameters.
 *
 * @example
 * ```ts
 * equalAverageRules(equalAverageParameters.parse({})).useWeights; // false
 * ```
 */
export function equalAverageRules(parameters: ParametersOf<typeof equalAverageParameters>): Omit<TreeRules, "explain" | "detail"> {
  const mean = "weighted-mean" as const;
  return {
    useWeights: false,
    coverageThreshold: parameters.coverageThreshold,
    parentAnswerWeight: 1,
    bands: parameters.bands,
    combine: { question: mean, keyFactor: mean, section: mean, overall: mean },
  };
}
