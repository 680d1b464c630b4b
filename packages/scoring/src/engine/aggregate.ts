import type { ScoreNode } from "@cohesion/schema";
import type { AnswerArrays, AnswerMap, CompiledNode, CompiledTree, TreeRules } from "./compile-tree";
import { answerArrays, compileTree, KEY_FACTOR, LEAF, PARENT } from "./compile-tree";
import { scratchOf } from "./bulk";
import { evaluateTree, evaluationBuffer } from "./evaluate-tree";
import { roundScore } from "./exact";
import { questionWriter, sharedNodes } from "./shared-nodes";
import { defineLazyTrace, reportTraces, writeTracesBeforeJson, type ReportTraces } from "./lazy-trace";
import { ScoreNodeObject } from "./score-node";
import { traceOf } from "./trace";
import type { BenchmarkPlan } from "./plan";

// The score tree written out: nodes with status, band and trace, from an evaluation of a compiled tree.

export type { AnswerMap, Combine, TreeRules } from "./compile-tree";

const STATUS_NAMES: readonly ScoreNode["status"][] = ["scored", "not-applicable", "unanswered", "insufficient-evidence"];
const LEVEL_NAMES = ["guide-question", "guide-question", "key-factor", "section", "overall"] as const;

function scoreOf(value: number): number | null {
  return value === value ? value : null;
}

/**
 * Scores one assessment's answers over a compiled tree and writes out the score tree: guide question
 * nodes unless `detail` is "key-factors", traces unless `explain` is false.
 *
 * @example
 * ```ts
 * const overall = scoreCompiledTree(tree, answerArrays(tree, answers, points), rules, true, "questions");
 * ```
 */
export function scoreCompiledTree(
  tree: CompiledTree,
  answers: AnswerArrays,
  rules: Pick<TreeRules, "coverageThreshold" | "bands">,
  explain: boolean,
  detail: "questions" | "key-factors",
): ScoreNode {
  // The nodes are written out before anything else can score: the tree's own arrays serve every call.
  const evaluation = evaluateTree(tree, answers, rules.coverageThreshold, scratchOf(tree, () => evaluationBuffer(tree)));
  const questions = detail !== "key-factors";
  // bandFor's rule, with the lower bounds rounded once per tree rather than once per node (scores are rounded already).
  const bands = rules.bands;
  const bandMins = bands.map((band) => roundScore(band.min));
  const shared = sharedNodes(tree, bands, explain);
  const bandOf = (score: number): Readonly<{ id: string; label: string }> | undefined => {
    let found = -1;
    for (let i = 0; i < bandMins.length && score >= (bandMins[i] as number); i++) found = i;
    return found === -1 ? undefined : shared.bandLabels[found];
  };
  let traces: ReportTraces | undefined;
  // `shareable`: the node will be shared and frozen, so its trace is written now.
  const writeNode = (node: CompiledNode, shareable: boolean): ScoreNode => {
    const n = node.index;
    const score = scoreOf(evaluation.score[n] as number);
    const out = new ScoreNodeObject(
      node.ref,
      LEVEL_NAMES[node.kind] as ScoreNode["level"],
      node.title,
      score,
      evaluation.coverage[n] as number,
      STATUS_NAMES[evaluation.status[n] as number] as ScoreNode["status"],
      n === tree.overall.index ? 1 : (evaluation.weight[n] as number),
    );
    if (score !== null) {
      const band = bandOf(score);
      if (band) out.band = band;
    }
    if (node.kind <= PARENT) {
      const level = answers.levels?.[node.question];
      if (level !== undefined) out.answer = level;
    }
    if (explain) {
      // A shared node's trace is written now; any other node's on first read.
      if (shareable) out.trace = traceOf(node, evaluation, answers);
      else defineLazyTrace(out, node, (traces ??= reportTraces(tree, evaluation, answers, rules.coverageThreshold)));
    }
    if (node.kind !== LEAF && (node.kind !== KEY_FACTOR || questions)) out.children = node.children.map(write);
    return out;
  };
  // A question whose inputs are answers only is written once and shared by the reports that give it
  // the same answers (./shared-nodes.ts); any other node is written for this report.
  const write = questionWriter(shared, evaluation, STATUS_NAMES, answers, writeNode);
  const overall = write(tree.overall);
  if (traces) writeTracesBeforeJson(overall);
  return overall;
}

/**
 * Builds the whole score tree (overall → sections → key factors → guide questions → sub-questions)
 * for one set of answers under the given rules. Coverage is the weighted share of applicable inputs
 * answered; n/a inputs are left out; nodes below the coverage threshold get no score.
 *
 * @example
 * ```ts
 * const overall = buildScoreTree(plan, assessment.answers, scale.points, rules);
 * overall.children?.[0]?.children?.[0]?.score; // the first key factor's score
 * ```
 */
export function buildScoreTree(plan: BenchmarkPlan, answers: AnswerMap, points: ReadonlyMap<string, number>, rules: TreeRules): ScoreNode {
  const tree = compileTree(plan, rules);
  return scoreCompiledTree(tree, answerArrays(tree, answers, points), rules, rules.explain !== false, rules.detail === "key-factors" ? "key-factors" : "questions");
}

/**
 * Lists the key factor nodes of a score tree in benchmark order.
 *
 * @example
 * ```ts
 * keyFactorNodes(report.overall).map((n) => [n.ref, n.score]);
 * ```
 */
export function keyFactorNodes(overall: ScoreNode): ScoreNode[] {
  const found: ScoreNode[] = [];
  const visit = (node: ScoreNode): void => {
    if (node.level === "key-factor") {
      found.push(node);
      return;
    }
    if (node.level === "guide-question") return;
    node.children?.forEach(visit);
  };
  visit(overall);
  return found;
}
