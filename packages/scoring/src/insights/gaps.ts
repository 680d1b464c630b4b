import type { Assessment, Gap, ScoreReport } from "@cohesion/schema";
import { effectiveWeights, checkScoreReport } from "./report-input";
import { keyFactorNodes } from "../engine/aggregate";
import { roundScore } from "../engine/exact";
import { scoringProblem } from "../problems";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";

/**
 * Options of {@link findGaps}.
 *
 * @example
 * ```ts
 * const options: GapOptions = { targets: assessment.targets };  // the city's own targets
 * const uniform: GapOptions = { uniformTarget: 75 };            // the same target everywhere
 * ```
 */
export interface GapOptions {
  /** The assessment's targets: per key factor id, and overall (used for key factors without their own). */
  readonly targets?: Assessment["targets"];
  /** One target for every key factor; when given it replaces the assessment's targets. */
  readonly uniformTarget?: number;
}

/**
 * Gaps and strengths of one score report.
 *
 * @example
 * ```ts
 * const { gaps, strengths } = result.report;
 * ```
 */
export interface GapAnalysis {
  /** Key factors below target, largest priority (difference × weight) first. */
  readonly gaps: Gap[];
  /** Key factors at or above target, largest weighted margin first. */
  readonly strengths: Gap[];
  /** Scored key factors left out because no target applies to them. */
  readonly untargeted: string[];
}

function localId(ref: string): string {
  return ref.slice(ref.indexOf("#") + 1);
}

/**
 * Compares each scored key factor with its target: the key factor's own target, else the overall
 * target (from `targets`), or `uniformTarget` for all when given. The difference (target − score)
 * is multiplied by the key factor's effective weight in the overall score to rank gaps; ties keep
 * benchmark order. Key factors without a score have no gap.
 *
 * @example
 * ```ts
 * const result = findGaps(report, { targets: assessment.targets });
 * if (result.ok) result.report.gaps[0]?.keyFactor; // the most pressing key factor
 * ```
 */
export function findGaps(report: unknown, options: GapOptions = {}): ScoringResult<GapAnalysis> {
  return safely(() => gapsOf(report, optionsOf(options)));
}

function gapsOf(report: unknown, options: GapOptions): ScoringResult<GapAnalysis> {
  const problems = checkScoreReport(report);
  const uniform = options.uniformTarget;
  if (uniform !== undefined && !(typeof uniform === "number" && uniform >= 0 && uniform <= 100)) {
    problems.push(scoringProblem("invalid_input", "/uniformTarget", { what: "The uniform target", detail: "it must be a number from 0 to 100" }));
  }
  if (problems.length > 0) return fail(problems);
  const scoreReport = report as ScoreReport;
  const weights = effectiveWeights(scoreReport.overall);
  const gaps: Gap[] = [];
  const strengths: Gap[] = [];
  const untargeted: string[] = [];
  for (const node of keyFactorNodes(scoreReport.overall)) {
    if (node.score === null) continue;
    const targets = typeof options.targets === "object" && options.targets !== null ? options.targets : undefined;
    const ownTarget: unknown = targets?.keyFactors?.[localId(node.ref)];
    const overallTarget: unknown = targets?.overall;
    // Targets come from an assessment already checked against its schema, or from a caller: use numbers only.
    const own = typeof ownTarget === "number" ? ownTarget : undefined;
    const overall = typeof overallTarget === "number" ? overallTarget : undefined;
    let target: number;
    let targetSource: Gap["targetSource"];
    if (uniform !== undefined) [target, targetSource] = [uniform, "uniform-target"];
    else if (own !== undefined) [target, targetSource] = [own, "key-factor-target"];
    else if (overall !== undefined) [target, targetSource] = [overall, "overall-target"];
    else {
      untargeted.push(node.ref);
      continue;
    }
    const weight = weights.get(node.ref) ?? 0;
    // Rounded like scores, so an exact tie in priority is a tie and keeps benchmark order.
    const difference = roundScore(roundScore(target) - roundScore(node.score));
    const gap: Gap = { keyFactor: node.ref, score: node.score, target, targetSource, difference, weight, priority: roundScore(difference * weight) };
    if (node.title !== undefined) gap.title = node.title;
    (difference > 0 ? gaps : strengths).push(gap);
  }
  // Array.prototype.sort is stable, so equal priorities keep benchmark order.
  gaps.sort((a, b) => b.priority - a.priority);
  strengths.sort((a, b) => a.priority - b.priority);
  return succeed({ gaps, strengths, untargeted });
}

/**
 * Returns a copy of the score report with `gaps` and `strengths` filled in.
 *
 * @example
 * ```ts
 * const withGaps = attachGaps(report, { targets: assessment.targets });
 * ```
 */
export function attachGaps(report: unknown, options: GapOptions = {}): ScoringResult<ScoreReport> {
  const result = findGaps(report, options);
  if (!result.ok) return result;
  return succeed({ ...(report as ScoreReport), gaps: result.report.gaps, strengths: result.report.strengths });
}
