import type { Assessment, Benchmark, Scale, ScoreNode, ScoreReport } from "@cohesion/schema";
import type { TreeRules } from "./aggregate";
import type { ParameterSchema } from "./parameters";
import type { BenchmarkPlan } from "./plan";
import type { ReportMessage } from "../types";

/**
 * What a model gets besides the (already validated) assessment and benchmark: its parameters with
 * defaults filled in, the scale with each level mapped to 0–100, the benchmark prepared for scoring,
 * and helpers to build the score tree and the report frame so a model only states its rules.
 *
 * @example
 * ```ts
 * score(assessment, benchmark, context) {
 *   const overall = context.buildTree({ ...myRules, bands: context.parameters.bands });
 *   return context.report(overall);
 * }
 * ```
 */
export interface ScoringContext<P> {
  readonly parameters: P;
  readonly scale: Scale;
  /** Level id → 0–100 (lowest value 0, highest 100, linear). */
  readonly points: ReadonlyMap<string, number>;
  readonly plan: BenchmarkPlan;
  /** False when the caller asked for scores without traces. */
  readonly explain: boolean;
  /** Builds the score tree of this assessment under the given rules (the caller's `explain` and `detail` apply). */
  buildTree(rules: Omit<TreeRules, "explain" | "detail">): ScoreNode;
  /** Wraps a score tree in a score report naming the assessment, benchmark, model and parameters. */
  report(overall: ScoreNode, extra?: { standardMet?: boolean | null; messages?: readonly ReportMessage[] }): ScoreReport;
}

/**
 * A scoring model: how answers become scores. Built-in models implement it, and plugins register
 * their own through it. `parameters` fills defaults and rejects bad values (reported as
 * `invalid_parameters` problems): a Cohesion parameter spec (`parameterObject`, `numberParameter`,
 * `bandsSchema`) or a zod schema, anything with a zod-style `safeParse` (see `ParameterSchema`); `score` receives validated input only and returns a
 * score report that must follow score-report.schema.json.
 *
 * @example
 * ```ts
 * const strictest: ScoringModel<{ coverageThreshold: number }> = {
 *   id: "acme.strictest", version: "1.0.0", title: "Strictest", description: "The weakest answer decides.",
 *   parameters: parameterObject({ coverageThreshold: numberParameter({ min: 0, max: 1, default: 1 }) }), // or a zod schema
 *   score(_assessment, _benchmark, context) {
 *     const all = "minimum" as const;
 *     return context.report(context.buildTree({ useWeights: false, parentAnswerWeight: 1, bands: DEFAULT_BANDS,
 *       coverageThreshold: context.parameters.coverageThreshold,
 *       combine: { question: all, keyFactor: all, section: all, overall: all } }));
 *   },
 * };
 * ```
 */
export interface ScoringModel<P = unknown> {
  /** Namespaced id, for example "cohesion.weighted-mean". */
  readonly id: string;
  /** Semantic version of the model's arithmetic. */
  readonly version: string;
  readonly title: string;
  /** How the model turns answers into scores, in a sentence or two. */
  readonly description: string;
  /** The parameters' schema, with a default for each: a Cohesion parameter spec or a zod schema. */
  readonly parameters: ParameterSchema<P>;
  score(assessment: Assessment, benchmark: Benchmark, context: ScoringContext<P>): ScoreReport;
}

/**
 * Identity helper that lets TypeScript infer a model's parameter type from its parameter schema.
 *
 * @example
 * ```ts
 * export const myModel = defineScoringModel({ id: "acme.mine", version: "1.0.0", title: "Mine", description: "…",
 *   parameters: parameterObject({}), score: (_a, _b, context) => context.report(context.buildTree(rules)) });
 * ```
 */
export function defineScoringModel<P>(model: ScoringModel<P>): ScoringModel<P> {
  return model;
}

/**
 * A scoring model of any parameter type, as registries and option lists hold them.
 *
 * @example
 * ```ts
 * const models: AnyScoringModel[] = [weightedMean, threshold];
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameters differ per model; each model checks its own.
export type AnyScoringModel = ScoringModel<any>;
