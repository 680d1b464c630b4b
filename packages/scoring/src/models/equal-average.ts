import { z } from "zod";
import { defineScoringModel } from "../model";
import { bandsSchema, coverageThresholdSchema, DEFAULT_BANDS } from "../parameters";

/**
 * Parameters of `cohesion.equal-average`.
 *
 * @example
 * ```ts
 * equalAverageParameters.parse({ coverageThreshold: 0 }).bands.length; // 4
 * ```
 */
export const equalAverageParameters = z.strictObject({
  coverageThreshold: coverageThresholdSchema,
  bands: bandsSchema.default(() => DEFAULT_BANDS.map((b) => ({ ...b }))),
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
    const mean = "weighted-mean" as const;
    const overall = context.buildTree({
      useWeights: false,
      coverageThreshold: context.parameters.coverageThreshold,
      parentAnswerWeight: 1,
      bands: context.parameters.bands,
      combine: { question: mean, keyFactor: mean, section: mean, overall: mean },
    });
    return context.report(overall);
  },
});
