import type { ScoreNode } from "@cohesion/schema";
import type { AnswerArrays, AnswerMap, CompiledNode, CompiledTree, TreeRules } from "./compile-tree";
import { answerArrays, compileTree, KEY_FACTOR, LEAF, NOT_APPLICABLE_CODE, PARENT, UNANSWERED_CODE } from "./compile-tree";
import type { Evaluation } from "./evaluate-tree";
import { evaluateTree, evaluationBuffer, NOT_APPLICABLE_STATUS } from "./evaluate-tree";
import { roundScore } from "./exact";
import { freezeLeaf, sharedNodes } from "./shared-nodes";
import type { BenchmarkPlan } from "./plan";
import type { TraceEntry } from "../types";

// The score tree written out: nodes with status, band and trace, from an evaluation of a compiled tree.

export type { AnswerMap, Combine, TreeRules } from "./compile-tree";

const NOTE_NA = "Marked n/a: left out of the arithmetic.";
const NOTE_DERIVED = "Weighs the total weight of its key factors that count, as the benchmark gives sections no weights.";
const NOTE_NOTHING_COUNTS = "Not applicable: every input below it is n/a or weighs 0, so it is left out.";
const NOTE_UNANSWERED = "Unanswered: lowers coverage and is not counted as zero.";
const NOTE_OWN_UNANSWERED = "The question itself is unanswered: its sub-questions stand for it, so coverage is not lowered.";
const NOTE_NO_SCORE = "No score below it: it lowers coverage only.";
const NOTE_ZERO_WEIGHT = "Weight 0: shown, but left out of the score and coverage.";
const NOTE_NOT_LOWEST = "Not the lowest input: under the minimum rule only the weakest input counts.";
const NOTE_LOWEST = "The lowest input: under the minimum rule it sets the score.";
const STATUS_NAMES: readonly ScoreNode["status"][] = ["scored", "not-applicable", "unanswered", "insufficient-evidence"];
const LEVEL_NAMES = ["guide-question", "guide-question", "key-factor", "section", "overall"] as const;

const scratches = new WeakMap<CompiledTree, Evaluation>();

function scratchOf(tree: CompiledTree): Evaluation {
  let scratch = scratches.get(tree);
  if (!scratch) {
    scratch = evaluationBuffer(tree);
    scratches.set(tree, scratch);
  }
  return scratch;
}

function scoreOf(value: number): number | null {
  return value === value ? value : null;
}

// The trace of a node: its inputs in order (own answer first, then children), each with its share
// and contribution. Written straight from the evaluation, without an intermediate object per input.
function traceOf(node: CompiledNode, evaluation: Evaluation, answers: AnswerArrays): TraceEntry[] {
  const { score: scores, status, weight: weights } = evaluation;
  const scored = scores[node.index] === scores[node.index];
  const children = node.children;
  const question = node.kind <= PARENT;
  const own = node.kind === PARENT;
  const offset = question ? 1 : 0;
  // The question's own answer as an input.
  const ownWeight = own ? node.ownWeight : 1;
  let ownScore: number | null = null;
  let ownApplicable = false;
  let ownNote: string | undefined;
  if (question) {
    const code = answers.codes[node.question] as number;
    if (code === UNANSWERED_CODE) {
      ownApplicable = !own;
      ownNote = own ? NOTE_OWN_UNANSWERED : NOTE_UNANSWERED;
    } else if (code === NOT_APPLICABLE_CODE) {
      ownNote = NOTE_NA;
    } else {
      ownScore = scoreOf(code);
      ownApplicable = true;
    }
  }
  // What the inputs that count and have a score weigh together, and the first lowest of them.
  let scoredWeight = 0;
  let minimum = Infinity;
  let minimumIndex = -1;
  if (question && ownApplicable && ownWeight !== 0 && ownScore !== null) {
    scoredWeight += ownWeight;
    minimum = ownScore;
    minimumIndex = 0;
  }
  for (let j = 0; j < children.length; j++) {
    const c = (children[j] as CompiledNode).index;
    const weight = weights[c] as number;
    const value = scores[c] as number;
    if (status[c] === NOT_APPLICABLE_STATUS || weight === 0 || value !== value) continue;
    scoredWeight += weight;
    if (value < minimum) {
      minimum = value;
      minimumIndex = j + offset;
    }
  }
  const minimumRule = node.combine === "minimum";
  const trace = new Array<TraceEntry>(children.length + offset);
  if (question) {
    trace[0] = traceEntry(node.ref, own ? "own-answer" : "answer", ownScore, ownWeight, ownApplicable, ownNote, answers.levels?.[node.question], scored, minimumRule, scoredWeight, minimumIndex === 0);
  }
  for (let j = 0; j < children.length; j++) {
    const child = children[j] as CompiledNode;
    const c = child.index;
    const value = scoreOf(scores[c] as number);
    const weight = weights[c] as number;
    const applicable = status[c] !== NOT_APPLICABLE_STATUS;
    // A leaf question is n/a only by its answer; any other node because nothing below it counts.
    const note = !applicable
      ? child.kind === LEAF
        ? NOTE_NA
        : NOTE_NOTHING_COUNTS
      : weight === 0
        ? NOTE_ZERO_WEIGHT
        : value === null
          ? NOTE_NO_SCORE
          : child.derived
            ? NOTE_DERIVED
            : undefined;
    trace[j + offset] = traceEntry(child.ref, "child", value, weight, applicable, note, undefined, scored, minimumRule, scoredWeight, minimumIndex === j + offset);
  }
  return trace;
}

function traceEntry(
  ref: string,
  input: TraceEntry["input"],
  score: number | null,
  weight: number,
  applicable: boolean,
  given: string | undefined,
  level: string | undefined,
  nodeScored: boolean,
  minimumRule: boolean,
  scoredWeight: number,
  lowest: boolean,
): TraceEntry {
  let share = 0;
  let contribution: number | null = null;
  let note = given;
  if (nodeScored && applicable && weight > 0 && score !== null) {
    if (minimumRule) {
      share = lowest ? 1 : 0;
      contribution = lowest ? score : 0;
      note ??= lowest ? NOTE_LOWEST : NOTE_NOT_LOWEST;
    } else {
      share = weight / scoredWeight;
      contribution = share * score;
    }
  } else if (applicable && weight === 0) {
    note ??= NOTE_ZERO_WEIGHT;
  }
  const entry: TraceEntry = { ref, input, score, weight, share, contribution };
  if (level !== undefined) entry.level = level;
  if (note !== undefined) entry.note = note;
  return entry;
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
  const evaluation = evaluateTree(tree, answers, rules.coverageThreshold, scratchOf(tree));
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
  const writeNode = (node: CompiledNode): ScoreNode => {
    const n = node.index;
    const score = scoreOf(evaluation.score[n] as number);
    const out: ScoreNode = {
      ref: node.ref,
      level: LEVEL_NAMES[node.kind] as ScoreNode["level"],
      title: node.title,
      score,
      coverage: evaluation.coverage[n] as number,
      status: STATUS_NAMES[evaluation.status[n] as number] as ScoreNode["status"],
      weight: n === tree.overall.index ? 1 : (evaluation.weight[n] as number),
    };
    if (score !== null) {
      const band = bandOf(score);
      if (band) out.band = band;
    }
    if (node.kind <= PARENT) {
      const level = answers.levels?.[node.question];
      if (level !== undefined) out.answer = level;
    }
    if (explain) out.trace = traceOf(node, evaluation, answers);
    if (node.kind !== LEAF && (node.kind !== KEY_FACTOR || questions)) out.children = node.children.map(write);
    return out;
  };
  // A leaf's node depends only on its answer (and the scale, checked by its score and status): one
  // frozen node per leaf and level serves every report.
  const write = (node: CompiledNode): ScoreNode => {
    if (node.kind !== LEAF) return writeNode(node);
    const n = node.index;
    const key = answers.levels?.[node.question];
    let byLevel = shared.leaves[n];
    const known = byLevel?.get(key);
    const score = evaluation.score[n] as number;
    if (known && (known.score === null ? score !== score : known.score === score) && known.status === STATUS_NAMES[evaluation.status[n] as number]) return known;
    const made = freezeLeaf(writeNode(node));
    if (!byLevel) shared.leaves[n] = byLevel = new Map();
    byLevel.set(key, made);
    return made;
  };
  return write(tree.overall);
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
