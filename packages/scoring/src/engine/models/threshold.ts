import type { ScoreNode } from "@cohesion/schema";
import type { TreeRules } from "../aggregate";
import { roundScore } from "../exact";
import { defineScoringModel } from "../model";
import type { Band } from "../parameters";
import { coverageThresholdSchema, numberParameter, parameterObject, type ParametersOf } from "../parameters";

/**
 * Parameters of `cohesion.threshold`: `threshold` is the score T every key factor must reach.
 *
 * @example
 * ```ts
 * thresholdParameters.parse({}).threshold; // 50
 * ```
 */
export const thresholdParameters = /* @__PURE__ */ parameterObject({
  threshold: /* @__PURE__ */ numberParameter({ min: 0, max: 100, default: 50 }),
  coverageThreshold: coverageThresholdSchema,
  parentAnswerWeight: /* @__PURE__ */ numberParameter({ min: 0, max: 1_000_000, default: 1 }),
});

/**
 * Bands of the threshold model: "Not met" below T, "Met" from T.
 *
 * @example
 * ```ts
 * thresholdBands(60); // [{ id: "not-met", label: "Not met", min: 0 }, { id: "met", label: "Met", min: 60 }]
 * ```
 */
export function thresholdBands(threshold: number): Band[] {
  return threshold <= 0
    ? [{ id: "met", label: "Met", min: 0 }]
    : [
        { id: "not-met", label: "Not met", min: 0 },
        { id: "met", label: "Met", min: threshold },
      ];
}

/**
 * Whether every key factor that counts reaches T. A key factor counts unless it, or the section it is
 * in, is not applicable or weighs 0: exactly the key factors the minimum rule reads. False as soon as
 * one that counts has a score below T (both rounded to SCORE_DECIMALS); null when none is below but
 * one that counts has no score (it cannot be told), or when none counts; true otherwise.
 *
 * @example
 * ```ts
 * standardMetFor(report.overall, 50); // true | false | null
 * ```
 */
export function standardMetFor(overall: ScoreNode, threshold: number): boolean | null {
  const pass = roundScore(threshold);
  let unknown = false;
  let counted = 0;
  // True when a key factor that counts is below T.
  const below = (node: ScoreNode): boolean => {
    if (node !== overall && (node.status === "not-applicable" || node.weight === 0)) return false;
    if (node.level === "key-factor") {
      counted++;
      if (node.score === null) unknown = true;
      return node.score !== null && roundScore(node.score) < pass;
    }
    return node.level !== "guide-question" && (node.children ?? []).some(below);
  };
  if (below(overall)) return false;
  return unknown || counted === 0 ? null : true;
}

/**
 * Pass-mark model: key factors score as weighted means of their questions, and the standard is met
 * only when every key factor reaches T (`standardMet`). Sections and the overall score are the
 * minimum of their key factors, so the overall score reaches T exactly when every scored key factor does.
 *
 * @example
 * ```ts
 * const result = scoreAssessment(assessment, benchmark, { model: threshold, parameters: { threshold: 75 } });
 * if (result.ok) result.report.standardMet; // true, false or null
 * ```
 */
export const threshold = defineScoringModel({
  id: "cohesion.threshold",
  version: "1.0.0",
  title: "Threshold",
  description: "The standard is met only when every key factor reaches the threshold; the weakest key factor sets the section and overall scores.",
  parameters: thresholdParameters,
  score(_assessment, _benchmark, context) {
    const pass = context.parameters.threshold;
    const overall = context.buildTree(thresholdRules(context.parameters));
    const standardMet = standardMetFor(overall, pass);
    const message =
      standardMet === true
        ? `Every key factor reaches ${pass}: the standard is met.`
        : standardMet === false
          ? `At least one key factor is below ${pass}: the standard is not met.`
          : `No key factor is below ${pass}, but some have no score, so whether the standard is met cannot be told.`;
    return context.report(overall, {
      standardMet,
      messages: [{ code: "standard_met", severity: "info", message, params: { threshold: pass, standardMet } }],
    });
  },
});

/**
 * The tree rules of `cohesion.threshold` for its parameters.
 *
 * @example
 * ```ts
 * thresholdRules(thresholdParameters.parse({})).combine.section; // "minimum"
 * ```
 */
export function thresholdRules(parameters: ParametersOf<typeof thresholdParameters>): Omit<TreeRules, "explain" | "detail"> {
  const { threshold: pass, coverageThreshold, parentAnswerWeight } = parameters;
  return {
    useWeights: true,
    coverageThreshold,
    parentAnswerWeight,
    bands: thresholdBands(pass),
    combine: { question: "weighted-mean", keyFactor: "weighted-mean", section: "minimum", overall: "minimum" },
  };
}
