import type { ScoreNode } from "@cohesion/schema";
import type { AnswerArrays, AnswerDictionary, CompiledNode, CompiledTree } from "./compile-tree";
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
  /** Per question node index: the nodes written for it so far. */
  readonly questions: (SharedQuestion | undefined)[];
}

/** The nodes written for one question, by answers, and how many there are. */
export interface SharedQuestion {
  /**
   * Written nodes by answer level (undefined: unanswered). A leaf's map gives the node; a parent's is
   * a tree of maps, one level per answer read: its own, then each sub-question's in order.
   */
  readonly byAnswers: AnswerTree;
  count: number;
  /**
   * The same nodes by the answers' picks (./compile-tree.ts AnswerArrays) on one scale's dictionary,
   * in front of the maps: one array look-up where the maps take one per answer. A parent's picks make
   * one number, its own first: own + R × first sub-question's + R² × second's…, R the dictionary's size + 1.
   */
  byPicks: { readonly dictionary: AnswerDictionary; readonly nodes: (ScoreNode | undefined)[] } | undefined;
}

/** Above this many combinations of picks a question is looked up in the maps only. */
const MAX_PICK_KEYS = 4096;

// The number of a question's picks (see SharedQuestion.byPicks), or -1 when there are too many combinations.
function pickKey(node: CompiledNode, picks: readonly number[], radix: number): number {
  let key = picks[node.question] as number;
  if (node.kind === LEAF) return key;
  let scale = radix;
  for (const child of node.children) {
    key += scale * (picks[child.question] as number);
    scale *= radix;
  }
  return scale > MAX_PICK_KEYS ? -1 : key;
}

/** Written nodes by answer level, a map per answer read (see {@link SharedNodes.questions}). */
export type AnswerTree = Map<string | undefined, AnswerTree | ScoreNode>;

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
    questions: new Array<SharedQuestion | undefined>(tree.nodeCount),
  };
  // A copy: the caller's list may change later.
  variants.push({ bands: bands.map((b) => ({ id: b.id, label: b.label, min: b.min })), explain, shared });
  if (variants.length > MAX_VARIANTS_PER_TREE) variants.shift();
  return shared;
}

/** How many answer combinations of one question are shared at most (a parent's can be many). */
const MAX_SHARED_PER_QUESTION = 512;

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
 * const write = questionWriter(shared, evaluation, STATUS_NAMES, answers, writeNode);
 * ```
 */
export function questionWriter(
  shared: SharedNodes,
  evaluation: { readonly score: ArrayLike<number>; readonly status: ArrayLike<number> },
  statusNames: readonly string[],
  answers: AnswerArrays,
  writeNode: (node: CompiledNode, shareable: boolean) => ScoreNode,
): (node: CompiledNode) => ScoreNode {
  const { levels, picks, dictionary } = answers;
  const radix = dictionary ? dictionary.levels.length + 1 : 0;
  // The scale is checked by the scores and statuses of the node and its children.
  const sameAs = (known: ScoreNode, n: number): boolean => {
    const score = evaluation.score[n] as number;
    return (known.score === null ? score !== score : known.score === score) && known.status === statusNames[evaluation.status[n] as number];
  };
  return (node) => {
    const kind = node.kind;
    if (kind > PARENT) return writeNode(node, false);
    const n = node.index;
    if (kind === PARENT) for (const child of node.children) if (child.kind !== LEAF) return writeNode(node, false);
    let question = shared.questions[n];
    const key = picks && dictionary ? pickKey(node, picks, radix) : -1;
    const byPicks = key === -1 ? undefined : question?.byPicks;
    if (byPicks !== undefined && byPicks.dictionary === dictionary) {
      const known = byPicks.nodes[key];
      if (known !== undefined && sameAs(known, n) && (kind === LEAF || sameChildren(known, node.children, sameAs))) return known;
    }
    const found = findInMaps(question, node, levels, sameAs);
    const written = found ?? writeShared(shared, question, node, levels, writeNode);
    if (key !== -1 && written !== undefined && (question ??= shared.questions[n]) !== undefined) {
      let kept = question.byPicks;
      if (kept === undefined || kept.dictionary !== dictionary) {
        kept = question.byPicks = { dictionary: dictionary as AnswerDictionary, nodes: new Array<ScoreNode | undefined>(radix ** (kind === LEAF ? 1 : node.children.length + 1)) };
      }
      kept.nodes[key] = written;
    }
    return written ?? writeNode(node, false);
  };
}

// The node kept in the maps for the answers of `node`, when its scores and statuses match.
function findInMaps(
  question: SharedQuestion | undefined,
  node: CompiledNode,
  levels: AnswerArrays["levels"],
  sameAs: (known: ScoreNode, n: number) => boolean,
): ScoreNode | undefined {
  // Answers are looked up one by one, each by its level id as given: no key is built per report.
  const own = levels?.[node.question];
  const root = question?.byAnswers;
  const known = root && (node.kind === LEAF ? root.get(own) : findParent(root.get(own), node.children, levels));
  if (known !== undefined && sameAs(known as ScoreNode, node.index) && (node.kind === LEAF || sameChildren(known as ScoreNode, node.children, sameAs))) return known as ScoreNode;
  return undefined;
}

// Writes `node` for sharing and keeps it in the maps; undefined when the question has as many as it may keep.
function writeShared(
  shared: SharedNodes,
  found: SharedQuestion | undefined,
  node: CompiledNode,
  levels: AnswerArrays["levels"],
  writeNode: (node: CompiledNode, shareable: boolean) => ScoreNode,
): ScoreNode | undefined {
  let question = found;
  // A parent with many sub-questions has many combinations of answers: only so many are kept.
  if (question && question.count >= MAX_SHARED_PER_QUESTION) return undefined;
  const made = freezeQuestion(writeNode(node, true));
  const own = levels?.[node.question];
  if (!question) shared.questions[node.index] = question = { byAnswers: new Map(), count: 0, byPicks: undefined };
  let map = question.byAnswers;
  let key = own;
  if (node.kind === PARENT) {
    for (const child of node.children) {
      let next = map.get(key) as AnswerTree | undefined;
      if (next === undefined) map.set(key, (next = new Map()));
      map = next;
      key = levels?.[child.question];
    }
  }
  const before = map.size;
  map.set(key, made); // over a node whose scores no longer match, if there was one
  if (map.size > before) question.count++;
  return made;
}

// The node kept for a parent's sub-question answers, from the map of its own answer.
function findParent(at: AnswerTree | ScoreNode | undefined, children: readonly CompiledNode[], levels: AnswerArrays["levels"]): AnswerTree | ScoreNode | undefined {
  for (let i = 0; i < children.length && at !== undefined; i++) at = (at as AnswerTree).get(levels?.[(children[i] as CompiledNode).question]);
  return at;
}

function sameChildren(known: ScoreNode, children: readonly CompiledNode[], sameAs: (known: ScoreNode, n: number) => boolean): boolean {
  const written = known.children as ScoreNode[];
  for (let i = 0; i < children.length; i++) if (!sameAs(written[i] as ScoreNode, (children[i] as CompiledNode).index)) return false;
  return true;
}
