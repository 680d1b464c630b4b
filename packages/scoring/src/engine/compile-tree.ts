import { truncate } from "@cohesion/schema";
import { compiledFor } from "./bulk";
import type { BenchmarkPlan, PlanKeyFactor, PlanQuestion, PlanSection } from "./plan";
import type { Band } from "./parameters";
import { NOT_APPLICABLE } from "./scale";

// A benchmark compiled for one set of tree rules, and an assessment's answers laid out for it.

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

const MAX_TITLE = 500;

/**
 * A title as score nodes carry it: a text over 500 UTF-16 code units cut to its first 499 and an
 * ellipsis, or to 498 where the 499th is the first half of a surrogate pair (a character such as an
 * emoji is never cut in two).
 *
 * @example
 * ```ts
 * nodeTitle("Key factor A"); // "Key factor A"
 * ```
 */
export function nodeTitle(text: string): string {
  return truncate(text, MAX_TITLE);
}

// Node kinds: guide question (leaf or parent), key factor, section, overall.
export const LEAF = 0;
export const PARENT = 1;
export const KEY_FACTOR = 2;
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
  /** The nodes that are not leaves, in post-order: leaves are scored as their parent reads them. */
  readonly inner: Int32Array;
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
    inner: Int32Array.from(byIndex.filter((node) => node.kind !== LEAF).map((node) => node.index)),
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
export function compileTree(plan: BenchmarkPlan, rules: ShapeRules): CompiledTree {
  // A benchmark is scored under a rule set or two: the trees are kept per plan and rules (./bulk.ts).
  return compiledFor(plan, rules, () => buildTree(plan, rules));
}

function buildTree(plan: BenchmarkPlan, rules: ShapeRules): CompiledTree {
  const { combine } = rules;
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
  return { overall, nodeCount: nodes, questionIds, questionIndex, keyFactorNodes: Int32Array.from(keyFactors), flat: flatten(overall, nodes) };
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
  /** True when every code of an answer is already a score (rounded to SCORE_DECIMALS): leaves take it as it is. */
  readonly rounded?: boolean;
  /**
   * Given when the arrays are reused for the next assessment (the quick path reads every assessment
   * into the same ones): each question's answer as 1 + its place in `dictionary`, 0 when unanswered,
   * so that a report whose traces are written later keeps a copy of its answers in a few bytes.
   */
  readonly picks?: readonly number[];
  readonly dictionary?: AnswerDictionary;
}

/** The answers the quick path may read on a scale: level ids and their codes, side by side. */
export interface AnswerDictionary {
  readonly levels: readonly string[];
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
export function answerArrays(tree: CompiledTree, answers: AnswerMap, points: ReadonlyMap<string, number>): AnswerArrays {
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
