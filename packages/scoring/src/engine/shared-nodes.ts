import type { ScoreNode } from "@cohesion/schema";
import type { AnswerArrays, CompiledNode, CompiledTree } from "./compile-tree";
import { LEAF, PARENT } from "./compile-tree";
import type { Band } from "./parameters";

// Pieces of score trees that many reports share, frozen so that no reader can change another
// report's numbers: band labels, and whole question nodes whose inputs are answers only (a leaf, or a
// parent whose sub-questions are leaves: such a node, trace included, depends only on those answers). A full report of a large benchmark then allocates objects for its
// inner nodes only, which is most of what bulk full reports cost in memory and garbage collection.

/** The written leaves and band labels of one compiled tree under one set of bands, with or without traces. */
export interface SharedNodes {
  /** Frozen `{ id, label }` per band, in the bands' order. */
  readonly bandLabels: readonly Readonly<{ id: string; label: string }>[];
  /** Per question node index: written nodes by answer level (a parent: its own and its sub-questions' levels; undefined: unanswered). */
  readonly questions: (Map<string | undefined, ScoreNode> | undefined)[];
}

const MAX_VARIANTS_PER_TREE = 8;
const sharedByTree = new WeakMap<CompiledTree, { bands: readonly Band[]; explain: boolean; shared: SharedNodes }[]>();

// Bands are compared field by field: a model may make a new list for every report.
function sameBands(a: readonly Band[], b: readonly Band[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Band;
    const y = b[i] as Band;
    if (x.id !== y.id || x.label !== y.label || x.min !== y.min) return false;
  }
  return true;
}

/**
 * The shared pieces of `tree` for these bands and traces (made on first use; a few variants per tree).
 *
 * @example
 * ```ts
 * const shared = sharedNodes(tree, rules.bands, true);
 * shared.bandLabels[0]; // { id: "starting", label: "Starting" }, frozen
 * ```
 */
export function sharedNodes(tree: CompiledTree, bands: readonly Band[], explain: boolean): SharedNodes {
  let variants = sharedByTree.get(tree);
  if (!variants) sharedByTree.set(tree, (variants = []));
  for (const variant of variants) if (variant.explain === explain && sameBands(variant.bands, bands)) return variant.shared;
  const shared: SharedNodes = {
    bandLabels: bands.map((b) => Object.freeze({ id: b.id, label: b.label })),
    questions: new Array<Map<string | undefined, ScoreNode> | undefined>(tree.nodeCount),
  };
  // A copy: the caller's list may change later.
  variants.push({ bands: bands.map((b) => ({ id: b.id, label: b.label, min: b.min })), explain, shared });
  if (variants.length > MAX_VARIANTS_PER_TREE) variants.shift();
  return shared;
}

/** How many answer combinations of one question are shared at most (a parent's can be many). */
const MAX_SHARED_PER_QUESTION = 512;

// Level ids are kebab-case or "n/a": neither character below can be part of one.
const ANSWER_SEPARATOR = "\u0000";
const UNANSWERED_KEY = "\u0001";

/** Freezes a written question node with everything in it (trace entries, children), so that it can be shared. */
function freezeQuestion(node: ScoreNode): ScoreNode {
  if (node.trace) {
    for (const entry of node.trace) Object.freeze(entry);
    Object.freeze(node.trace);
  }
  if (node.children) Object.freeze(node.children);
  return Object.freeze(node);
}

/**
 * The writer of a report's nodes: a question whose inputs are answers only (a leaf, or a parent whose
 * sub-questions are leaves) gets the frozen node written for the same answers before, when its score
 * and status (and its sub-questions') match this evaluation, or is written (`writeNode(node, true)`),
 * frozen and kept; any other node is written for this report (`writeNode(node, false)`).
 *
 * @example
 * ```ts
 * const write = questionWriter(shared, evaluation, STATUS_NAMES, answers.levels, writeNode);
 * ```
 */
export function questionWriter(
  shared: SharedNodes,
  evaluation: { readonly score: ArrayLike<number>; readonly status: ArrayLike<number> },
  statusNames: readonly string[],
  levels: AnswerArrays["levels"],
  writeNode: (node: CompiledNode, shareable: boolean) => ScoreNode,
): (node: CompiledNode) => ScoreNode {
  // The scale is checked by the scores and statuses of the node and its children.
  const sameAs = (known: ScoreNode, n: number): boolean => {
    const score = evaluation.score[n] as number;
    return (known.score === null ? score !== score : known.score === score) && known.status === statusNames[evaluation.status[n] as number];
  };
  return (node) => {
    const kind = node.kind;
    if (kind > PARENT) return writeNode(node, false);
    const n = node.index;
    let key: string | undefined = levels?.[node.question];
    if (kind === PARENT) {
      // The parent's own answer and its sub-questions' answers, in order, as one key.
      let joined = key ?? UNANSWERED_KEY;
      for (const child of node.children) {
        if (child.kind !== LEAF) return writeNode(node, false);
        joined += ANSWER_SEPARATOR + (levels?.[child.question] ?? UNANSWERED_KEY);
      }
      key = joined;
    }
    let byAnswers = shared.questions[n];
    const known = byAnswers?.get(key);
    if (known && sameAs(known, n) && (kind === LEAF || node.children.every((child, i) => sameAs((known.children as ScoreNode[])[i] as ScoreNode, child.index)))) return known;
    if (!byAnswers) shared.questions[n] = byAnswers = new Map();
    // A parent with many sub-questions has many combinations of answers: only so many are kept.
    if (byAnswers.size >= MAX_SHARED_PER_QUESTION) return writeNode(node, false);
    const made = freezeQuestion(writeNode(node, true));
    byAnswers.set(key, made);
    return made;
  };
}
