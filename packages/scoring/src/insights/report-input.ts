import type { ScoreNode, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { joinPointer, validateScoreReport } from "@cohesion/schema";
import { keyFactorNodes } from "../engine/aggregate";
import { scoringProblem } from "../problems";

/**
 * Fully validates one score report against score-report.schema.json; problems point into it from `base`.
 *
 * @example
 * ```ts
 * const problems = checkScoreReport(report, "/reports/3");
 * ```
 */
export function checkScoreReport(value: unknown, base = ""): ValidationProblem[] {
  const report = validateScoreReport(value);
  return report.errors.map((p) => ({ ...p, pointer: base + p.pointer, params: { ...p.params, document: "score-report" } }));
}

const MAX_TREE_DEPTH = 100;

function isNode(value: unknown): value is ScoreNode {
  if (typeof value !== "object" || value === null) return false;
  const node = value as Record<string, unknown>;
  return typeof node["ref"] === "string" && (node["score"] === null || typeof node["score"] === "number") && typeof node["level"] === "string";
}

/**
 * A quick structural check for bulk input (peers over thousands of reports): the fields peers and
 * mentors read are present and typed. Use {@link checkScoreReport} for a full check.
 *
 * @example
 * ```ts
 * looseScoreReportProblems({}, "/reports/0")[0]?.code; // "invalid_input"
 * ```
 */
export function looseScoreReportProblems(value: unknown, pointer: string): ValidationProblem[] {
  const bad = (detail: string, at = pointer) => [scoringProblem("invalid_input", at, { what: "The score report", detail })];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return bad("expected a score report object");
  const report = value as Record<string, unknown>;
  if (report["kind"] !== "score-report") return bad('"kind" must be "score-report"', joinPointer(pointer, "kind"));
  const assessment = report["assessment"] as Record<string, unknown> | undefined;
  if (typeof assessment !== "object" || assessment === null || typeof assessment["id"] !== "string" || typeof assessment["subject"] !== "string") {
    return bad("it must name the assessment (id and subject)", joinPointer(pointer, "assessment"));
  }
  const benchmark = report["benchmark"] as Record<string, unknown> | undefined;
  if (typeof benchmark !== "object" || benchmark === null || typeof benchmark["id"] !== "string") {
    return bad("it must name the benchmark", joinPointer(pointer, "benchmark"));
  }
  if (!isNode(report["overall"])) return bad("it must have an overall score node", joinPointer(pointer, "overall"));
  const overall = report["overall"];
  const nodes: unknown[] = [];
  const stack: Array<[unknown, number]> = [[overall, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    // A score tree is a handful of levels deep; objects built in code could even loop back on themselves.
    if (depth > MAX_TREE_DEPTH) return bad(`the score tree is nested deeper than ${MAX_TREE_DEPTH} levels`, joinPointer(pointer, "overall"));
    if (!isNode(node)) return bad("every score node needs ref, level and score", joinPointer(pointer, "overall"));
    if (node.level === "key-factor") nodes.push(node);
    else if (node.level !== "guide-question" && node.children !== undefined) {
      if (!Array.isArray(node.children)) return bad("children must be an array", joinPointer(pointer, "overall"));
      for (const child of node.children as unknown[]) stack.push([child, depth + 1]);
    }
  }
  for (const node of nodes as ScoreNode[]) {
    if (node.score !== null && !(node.score >= 0 && node.score <= 100)) return bad(`score of ${node.ref} must be between 0 and 100`, joinPointer(pointer, "overall"));
  }
  return [];
}

/**
 * Key factor scores of a report, by reference, in benchmark order.
 *
 * @example
 * ```ts
 * keyFactorScores(report).get("test.small#kf-a"); // 62.5
 * ```
 */
export function keyFactorScores(report: ScoreReport): Map<string, { score: number | null; title: string; node: ScoreNode }> {
  const scores = new Map<string, { score: number | null; title: string; node: ScoreNode }>();
  for (const node of keyFactorNodes(report.overall)) scores.set(node.ref, { score: node.score, title: node.title ?? node.ref, node });
  return scores;
}

/**
 * Each key factor's effective weight in the overall score: the product, from the overall score down,
 * of its weight as a share of its applicable siblings' weights. Shares of all key factors add up to 1.
 *
 * @example
 * ```ts
 * effectiveWeights(report.overall).get("test.small#kf-b"); // 0.5 for 3/4 of a section weighted 2/3
 * ```
 */
export function effectiveWeights(overall: ScoreNode): Map<string, number> {
  const weights = new Map<string, number>();
  const visit = (node: ScoreNode, share: number): void => {
    if (node.level === "key-factor") {
      weights.set(node.ref, share);
      return;
    }
    const children = (node.children ?? []).filter((c) => c.level !== "guide-question");
    const total = children.reduce((sum, c) => sum + (c.status === "not-applicable" ? 0 : c.weight), 0);
    for (const child of children) visit(child, total > 0 && child.status !== "not-applicable" ? (share * child.weight) / total : 0);
  };
  visit(overall, 1);
  return weights;
}
