import type { TreeRules } from "./aggregate";
import type { BenchmarkPlan } from "./plan";
import type { ReportMessage } from "../types";

type Level = "sections" | "keyFactors" | "questions";

const DEFAULTS: Record<Level, { name: string; rule: string }> = {
  questions: { name: "guide questions", rule: "every guide question and sub-question weighs 1" },
  keyFactors: { name: "key factors", rule: "every key factor weighs 1" },
  sections: {
    name: "sections",
    rule: "each section weighs the total weight of its key factors that count, so a key factor counts the same in the overall score whatever the size of its section",
  },
};

/**
 * The report message that says which weights are defaults: `default_weights` (info) when the rules
 * read the benchmark's weights at a level combined by weighted mean and the benchmark gives no
 * weight at that level; undefined otherwise (all given, weights not used, or the minimum rule, where
 * a weight only matters as 0).
 *
 * @example
 * ```ts
 * defaultWeightsMessage(plan, weightedMeanRules(weightedMeanParameters.parse({})))?.params?.defaults; // ["sections", "keyFactors", "questions"]
 * ```
 */
export function defaultWeightsMessage(plan: BenchmarkPlan, rules: Pick<TreeRules, "useWeights" | "combine"> | undefined): ReportMessage | undefined {
  if (!rules?.useWeights) return undefined;
  // The level whose weights a node's combination reads: a key factor reads its questions' weights, and so on.
  const read: Record<Level, boolean> = {
    questions: rules.combine.keyFactor === "weighted-mean",
    keyFactors: rules.combine.section === "weighted-mean",
    sections: rules.combine.overall === "weighted-mean",
  };
  const defaults = (["sections", "keyFactors", "questions"] as const).filter((level) => read[level] && !plan.weightsGiven[level]);
  if (defaults.length === 0) return undefined;
  const names = defaults.map((level) => DEFAULTS[level].name);
  const rulesText = defaults.map((level) => DEFAULTS[level].rule);
  return {
    code: "default_weights",
    severity: "info",
    message: `The benchmark gives no weights to its ${listed(names, ", ")}, so default weights are used: ${listed(rulesText, "; ")}.`,
    params: { defaults },
  };
}

function listed(items: readonly string[], separator: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(separator)} and ${items[items.length - 1]}`;
}
