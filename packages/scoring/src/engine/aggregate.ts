import type { ScoreNode } from "@cohesion/schema";
import type { Band } from "./parameters";
import type { BenchmarkPlan, PlanKeyFactor, PlanQuestion, PlanSection } from "./plan";
import { roundScore } from "./exact";
import { clampScore, NOT_APPLICABLE } from "./scale";
import type { TraceEntry } from "../types";

/**
 * How a node combines its inputs: `weighted-mean` (Σ weight × score / Σ weight over the inputs
 * that have a score) or `minimum` (the weakest input decides).
 *
 * @example
 * ```ts
 * const combine: Combine = "minimum";
 * ```
 */
export type Combine = "weighted-mean" | "minimum";

/**
 * The rules a model hands the tree builder. Every built-in model is a set of these rules.
 *
 * @example
 * ```ts
 * const rules: TreeRules = {
 *   useWeights: true, coverageThreshold: 0.5, parentAnswerWeight: 1, bands: DEFAULT_BANDS,
 *   combine: { question: "weighted-mean", keyFactor: "weighted-mean", section: "weighted-mean", overall: "weighted-mean" },
 * };
 * ```
 */
export interface TreeRules {
  /**
   * False: every weight counts as 1, whatever the benchmark says. True: the benchmark's weights; where
   * it gives none to any section, each section weighs the total weight of its key factors that count
   * (so every key factor counts by its own weight in the overall score).
   */
  readonly useWeights: boolean;
  /** Below this coverage a node has no score ("insufficient-evidence"). */
  readonly coverageThreshold: number;
  /** Weight of a parent question's own answer beside its sub-questions. */
  readonly parentAnswerWeight: number;
  readonly bands: readonly Band[];
  /** How a parent question combines its own answer and sub-questions, a key factor its questions, a section its key factors, the overall its sections. */
  readonly combine: { readonly question: Combine; readonly keyFactor: Combine; readonly section: Combine; readonly overall: Combine };
  /** False leaves traces out (for bulk peer statistics); default true. */
  readonly explain?: boolean;
  /** "key-factors" leaves guide question nodes out of the tree (they are still scored); default "questions". */
  readonly detail?: "questions" | "key-factors";
}

/**
 * The answers of an assessment, keyed by question id.
 *
 * @example
 * ```ts
 * const answers: AnswerMap = { "q-1": { level: "partial" }, "q-2": { level: "n/a" } };
 * ```
 */
export type AnswerMap = Readonly<Record<string, { readonly level?: string } | undefined>>;

const NOTE_NA = "Marked n/a: left out of the arithmetic.";
const NOTE_DERIVED = "Weighs the total weight of its key factors that count, as the benchmark gives sections no weights.";
const NOTE_NOTHING_COUNTS = "Not applicable: every input below it is n/a or weighs 0, so it is left out.";
const NOTE_UNANSWERED = "Unanswered: lowers coverage and is not counted as zero.";
const NOTE_OWN_UNANSWERED = "The question itself is unanswered: its sub-questions stand for it, so coverage is not lowered.";
const NOTE_NO_SCORE = "No score below it: it lowers coverage only.";
const NOTE_ZERO_WEIGHT = "Weight 0: shown, but left out of the score and coverage.";
const NOTE_NOT_LOWEST = "Not the lowest input: under the minimum rule only the weakest input counts.";
const NOTE_LOWEST = "The lowest input: under the minimum rule it sets the score.";
const MAX_TITLE = 500;

/**
 * A title as score nodes carry it: cut to 500 characters with an ellipsis.
 *
 * @example
 * ```ts
 * nodeTitle("Key factor A"); // "Key factor A"
 * ```
 */
export function nodeTitle(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1)}…`;
}

// Node statuses as small numbers while scoring; names only when a node is written out.
const SCORED = 0;
const NOT_APPLICABLE_STATUS = 1;
const UNANSWERED = 2;
const INSUFFICIENT = 3;
const STATUS_NAMES: readonly ScoreNode["status"][] = ["scored", "not-applicable", "unanswered", "insufficient-evidence"];

const LEVEL_NAMES = ["guide-question", "guide-question", "key-factor", "section", "overall"] as const;
const LEAF = 0;
const PARENT = 1;
const KEY_FACTOR = 2;

/** A node of a benchmark compiled for one set of tree rules: weights settled, children by index. */
export interface CompiledNode {
  readonly index: number;
  readonly kind: number;
  readonly ref: string;
  readonly title: string;
  readonly weight: number;
  readonly combine: Combine;
  readonly children: readonly CompiledNode[];
  /** Index of the question's answer in the answer arrays (questions only, else -1). */
  readonly question: number;
  /** Weight of a parent question's own answer. */
  readonly ownWeight: number;
  /** True when the node weighs what counts below it (a section of a benchmark without section weights). */
  readonly derived: boolean;
}

/**
 * The score tree of a benchmark compiled for one set of rules (weights, parent answer weight,
 * combination rules): every later assessment is scored over flat arrays, without planning again.
 */
export interface CompiledTree {
  readonly overall: CompiledNode;
  readonly nodeCount: number;
  /** Question ids in answer-array order (document order, sub-questions after their parent). */
  readonly questionIds: readonly string[];
  readonly questionIndex: ReadonlyMap<string, number>;
  /** Node index of each key factor, in benchmark order: where its score is in an {@link Evaluation}. */
  readonly keyFactorNodes: Int32Array;
  /** The nodes as arrays by node index (post-order), for scoring without walking objects. */
  readonly flat: FlatTree;
}

interface FlatTree {
  readonly kinds: Uint8Array;
  readonly questions: Int32Array;
  readonly ownWeights: Float64Array;
  /** 1 where the node combines by the minimum rule. */
  readonly minimum: Uint8Array;
  readonly weights: Float64Array;
  /** 1 where the node's weight is the total weight of its inputs that count. */
  readonly derived: Uint8Array;
  /** Children of node n: childList[childStart[n]] up to childList[childStart[n + 1]]. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
}

function flatten(overall: CompiledNode, count: number): FlatTree {
  const byIndex = new Array<CompiledNode>(count);
  const collect = (node: CompiledNode): void => {
    byIndex[node.index] = node;
    node.children.forEach(collect);
  };
  collect(overall);
  const flat = {
    kinds: new Uint8Array(count),
    questions: new Int32Array(count),
    ownWeights: new Float64Array(count),
    minimum: new Uint8Array(count),
    weights: new Float64Array(count),
    derived: new Uint8Array(count),
    childStart: new Int32Array(count + 1),
    childList: new Int32Array(Math.max(0, count - 1)),
  };
  let next = 0;
  byIndex.forEach((node, n) => {
    flat.kinds[n] = node.kind;
    flat.questions[n] = node.question;
    flat.ownWeights[n] = node.ownWeight;
    flat.minimum[n] = node.combine === "minimum" ? 1 : 0;
    flat.weights[n] = node.weight;
    flat.derived[n] = node.derived ? 1 : 0;
    flat.childStart[n] = next;
    for (const child of node.children) flat.childList[next++] = child.index;
  });
  flat.childStart[count] = next;
  return flat;
}

type ShapeRules = Pick<TreeRules, "useWeights" | "parentAnswerWeight" | "combine">;
const MAX_COMPILED_PER_PLAN = 8;
const compiledTrees = new WeakMap<BenchmarkPlan, { rules: ShapeRules; tree: CompiledTree }[]>();
const questionOrders = new WeakMap<BenchmarkPlan, { questionIds: string[]; questionIndex: Map<string, number> }>();

/**
 * Every question of a plan in document order (sub-questions after their parent), with its index:
 * the layout of {@link AnswerArrays}, the same for every tree compiled from the plan.
 *
 * @example
 * ```ts
 * questionOrder(plan).questionIndex.get("q-b1a"); // 3
 * ```
 */
export function questionOrder(plan: BenchmarkPlan): { readonly questionIds: readonly string[]; readonly questionIndex: ReadonlyMap<string, number> } {
  let order = questionOrders.get(plan);
  if (!order) {
    // plan.questions is filled in document order, parents before their sub-questions.
    const questionIds = [...plan.questions.keys()];
    order = { questionIds, questionIndex: new Map(questionIds.map((id, i) => [id, i])) };
    questionOrders.set(plan, order);
  }
  return order;
}

/**
 * Compiles a benchmark plan for the rules that shape the tree; cached per plan and rules.
 *
 * @example
 * ```ts
 * const tree = compileTree(plan, rules);
 * tree.questionIds.length; // every question of the benchmark, sub-questions included
 * ```
 */
export function compileTree(plan: BenchmarkPlan, rules: Pick<TreeRules, "useWeights" | "parentAnswerWeight" | "combine">): CompiledTree {
  const { combine } = rules;
  let cached = compiledTrees.get(plan);
  if (!cached) compiledTrees.set(plan, (cached = []));
  // A benchmark is scored under a rule set or two: a short list compared field by field.
  for (const entry of cached) {
    const r = entry.rules;
    if (
      r.useWeights === rules.useWeights &&
      r.parentAnswerWeight === rules.parentAnswerWeight &&
      r.combine.question === combine.question &&
      r.combine.keyFactor === combine.keyFactor &&
      r.combine.section === combine.section &&
      r.combine.overall === combine.overall
    ) {
      return entry.tree;
    }
  }
  let nodes = 0;
  const { questionIds, questionIndex } = questionOrder(plan);
  const weightOf = (weight: number) => (rules.useWeights ? weight : 1);
  const question = (q: PlanQuestion): CompiledNode => {
    const answer = questionIndex.get(q.id) as number;
    const children = q.children.map(question);
    return {
      index: nodes++,
      kind: children.length === 0 ? LEAF : PARENT,
      ref: q.id,
      title: nodeTitle(q.text),
      weight: weightOf(q.weight),
      combine: children.length === 0 ? "weighted-mean" : combine.question,
      children,
      question: answer,
      ownWeight: rules.useWeights ? rules.parentAnswerWeight : 1,
      derived: false,
    };
  };
  const group = (kind: number, ref: string, text: string, weight: number, mode: Combine, children: CompiledNode[], derived = false): CompiledNode => ({
    index: nodes++,
    kind,
    ref,
    title: nodeTitle(text),
    weight,
    combine: mode,
    children,
    question: -1,
    ownWeight: 0,
    derived,
  });
  // A benchmark that weights no section weights each by its key factors, so none counts more for sitting in a small section.
  const derivedSections = rules.useWeights && !plan.weightsGiven.sections;
  const sections = plan.sections.map((s: PlanSection) =>
    group(3, s.id, s.title, weightOf(s.weight), combine.section, s.keyFactors.map((k: PlanKeyFactor) =>
      group(KEY_FACTOR, k.ref, k.title, weightOf(k.weight), combine.keyFactor, k.questions.map(question))), derivedSections),
  );
  const overall = group(4, "overall", plan.title, 1, combine.overall, sections);
  const keyFactors = sections.flatMap((section) => section.children.map((k) => k.index));
  const tree: CompiledTree = { overall, nodeCount: nodes, questionIds, questionIndex, keyFactorNodes: Int32Array.from(keyFactors), flat: flatten(overall, nodes) };
  cached.push({ rules: { useWeights: rules.useWeights, parentAnswerWeight: rules.parentAnswerWeight, combine: { ...combine } }, tree });
  if (cached.length > MAX_COMPILED_PER_PLAN) cached.shift();
  return tree;
}

/** The code of an unanswered question in {@link AnswerArrays.codes}. */
export const UNANSWERED_CODE = -1;
/** The code of a question answered n/a in {@link AnswerArrays.codes}. */
export const NOT_APPLICABLE_CODE = -2;

/**
 * The answers of one assessment laid out for a {@link CompiledTree}, by question index: `codes` holds
 * the points of each answer on the scale (0–100), {@link UNANSWERED_CODE}, {@link NOT_APPLICABLE_CODE}
 * or NaN for a level off the scale; `levels` the level ids as given, needed only to write question
 * nodes and traces.
 */
export interface AnswerArrays {
  readonly levels?: readonly (string | undefined)[];
  readonly codes: Float64Array;
}

/**
 * The code of a level for {@link AnswerArrays.codes}.
 *
 * @example
 * ```ts
 * answerCode("partial", scale.points); // 50
 * ```
 */
function answerCode(level: string | undefined, points: ReadonlyMap<string, number>): number {
  if (level === undefined) return UNANSWERED_CODE;
  if (level === NOT_APPLICABLE) return NOT_APPLICABLE_CODE;
  return points.get(level) ?? NaN;
}

/**
 * Reads the answers of an assessment into the arrays a compiled tree scores.
 *
 * @example
 * ```ts
 * const arrays = answerArrays(tree, assessment.answers, scale.points);
 * ```
 */
function answerArrays(tree: CompiledTree, answers: AnswerMap, points: ReadonlyMap<string, number>): AnswerArrays {
  const ids = tree.questionIds;
  const levels = new Array<string | undefined>(ids.length);
  const codes = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const level = answers[ids[i] as string]?.level;
    levels[i] = level;
    codes[i] = answerCode(level, points);
  }
  return { levels, codes };
}

/**
 * Scores, coverage and status of every node of a compiled tree for one assessment, by node index
 * (the overall score is at `tree.overall.index`; NaN: no score).
 */
export interface Evaluation {
  readonly score: Float64Array;
  readonly coverage: Float64Array;
  readonly status: Uint8Array;
  /** The weight each node has as an input of its parent (a derived weight worked out for these answers). */
  readonly weight: Float64Array;
}

/**
 * Fresh arrays for {@link evaluateTree} to fill, one slot per node.
 *
 * @example
 * ```ts
 * const buffer = evaluationBuffer(tree); // reused row after row
 * ```
 */
export function evaluationBuffer(tree: CompiledTree): Evaluation {
  const count = tree.nodeCount;
  return { score: new Float64Array(count), coverage: new Float64Array(count), status: new Uint8Array(count), weight: new Float64Array(count) };
}

const scratches = new WeakMap<CompiledTree, Evaluation>();

function scratchOf(tree: CompiledTree): Evaluation {
  let scratch = scratches.get(tree);
  if (!scratch) {
    scratch = evaluationBuffer(tree);
    scratches.set(tree, scratch);
  }
  return scratch;
}

/**
 * Scores every node of a compiled tree: the same arithmetic as the trace explains, over flat arrays.
 * Inputs are taken in trace order (a parent question's own answer first), so sums are identical.
 * `into` is reused when given (bulk scoring), else fresh arrays are made.
 *
 * @example
 * ```ts
 * const { score } = evaluateTree(tree, answerArrays(tree, answers, points), 0.5);
 * score[tree.overall.index]; // the overall score, NaN when there is none
 * ```
 */
export function evaluateTree(tree: CompiledTree, answers: AnswerArrays, coverageThreshold: number, into?: Evaluation): Evaluation {
  const count = tree.nodeCount;
  const { score, coverage, status, weight: weightOf } = into ?? evaluationBuffer(tree);
  const codes = answers.codes;
  const { kinds, questions, ownWeights, minimum: byMinimum, weights, derived, childStart, childList } = tree.flat;
  // The threshold is compared as node coverage is: both rounded to SCORE_DECIMALS.
  const threshold = roundScore(coverageThreshold);
  // Node numbers are post-order: every child is scored before its parent.
  for (let n = 0; n < count; n++) {
    const kind = kinds[n] as number;
    if (kind === LEAF) {
      // A leaf's one input is its answer, of weight 1: the general case below, worked out.
      const value = codes[questions[n] as number] as number;
      weightOf[n] = weights[n] as number;
      if (value === NOT_APPLICABLE_CODE) {
        status[n] = NOT_APPLICABLE_STATUS;
        coverage[n] = 1;
        score[n] = NaN;
      } else if (value >= 0) {
        status[n] = SCORED;
        coverage[n] = 1;
        score[n] = roundScore(value);
      } else {
        // Unanswered, or (direct callers only) a level off the scale.
        status[n] = UNANSWERED;
        coverage[n] = 0;
        score[n] = NaN;
      }
      continue;
    }
    let total = 0;
    let covered = 0;
    let scoredWeight = 0;
    let sum = 0;
    let minimum = Infinity;
    if (kind === PARENT) {
      // The question's own answer, of weight `ownWeight` beside its sub-questions; unanswered, it does not count.
      const value = codes[questions[n] as number] as number;
      const weight = ownWeights[n] as number;
      const applicable = value !== UNANSWERED_CODE && value !== NOT_APPLICABLE_CODE;
      if (applicable && weight !== 0) {
        total += weight;
        if (value >= 0) {
          covered += weight;
          scoredWeight += weight;
          sum += weight * value;
          if (value < minimum) minimum = value;
        }
      }
    }
    const end = childStart[n + 1] as number;
    for (let j = childStart[n] as number; j < end; j++) {
      const c = childList[j] as number;
      const weight = weightOf[c] as number;
      if (status[c] === NOT_APPLICABLE_STATUS || weight === 0) continue;
      total += weight;
      covered += weight * (coverage[c] as number);
      const value = score[c] as number;
      if (value === value) {
        scoredWeight += weight;
        sum += weight * value;
        if (value < minimum) minimum = value;
      }
    }
    weightOf[n] = derived[n] === 1 ? total : (weights[n] as number);
    if (total === 0) {
      status[n] = NOT_APPLICABLE_STATUS;
      coverage[n] = 1;
      score[n] = NaN;
      continue;
    }
    const share = roundScore(Math.min(1, Math.max(0, covered / total)));
    coverage[n] = share;
    const byMin = byMinimum[n] === 1;
    if (share === 0) {
      status[n] = UNANSWERED;
      score[n] = NaN;
    } else if (scoredWeight === 0 || (!byMin && share < threshold)) {
      // The minimum rule takes the weakest input that has a score, whatever the coverage: a key
      // factor below the pass mark always pulls its section and the overall score down with it.
      status[n] = INSUFFICIENT;
      score[n] = NaN;
    } else {
      status[n] = SCORED;
      score[n] = roundScore(clampScore(byMin ? minimum : sum / scoredWeight));
    }
  }
  return { score, coverage, status, weight: weightOf };
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
  const bandOf = (score: number): Band | undefined => {
    let found: Band | undefined;
    for (let i = 0; i < bandMins.length && score >= (bandMins[i] as number); i++) found = bands[i];
    return found;
  };
  const write = (node: CompiledNode): ScoreNode => {
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
      if (band) out.band = { id: band.id, label: band.label };
    }
    if (node.kind <= PARENT) {
      const level = answers.levels?.[node.question];
      if (level !== undefined) out.answer = level;
    }
    if (explain) out.trace = traceOf(node, evaluation, answers);
    if (node.kind !== LEAF && (node.kind !== KEY_FACTOR || questions)) out.children = node.children.map(write);
    return out;
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
