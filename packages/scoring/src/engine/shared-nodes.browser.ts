import type { ScoreNode } from "@cohesion/schema";
import type { CompiledNode } from "./compile-tree";
import type { Band } from "./parameters";
import type { SharedNodes } from "./shared-nodes";

// The browser build's shared-nodes.ts: nothing is shared between reports (a page scores a few
// assessments; sharing pays off over thousands), so every node is written for its report and left
// unfrozen, with the same content. Band labels are frozen, as in Node.

/**
 * Fresh pieces for one report: frozen band labels and no question node to share.
 *
 * @example
 * ```ts
 * const shared = sharedNodes(tree, rules.bands, true);
 * shared.bandLabels[0]; // { id: "starting", label: "Starting" }, frozen
 * ```
 */
export function sharedNodes(_tree: unknown, bands: readonly Band[], _explain: boolean): SharedNodes {
  return { bandLabels: bands.map((b) => Object.freeze({ id: b.id, label: b.label })), questions: [] };
}

/**
 * The writer of a report's nodes: every node written for this report.
 *
 * @example
 * ```ts
 * const write = questionWriter(shared, evaluation, STATUS_NAMES, answers.levels, writeNode);
 * ```
 */
export function questionWriter(_shared: unknown, _evaluation: unknown, _statusNames: unknown, _answers: unknown, writeNode: (node: CompiledNode, shareable: boolean) => ScoreNode): (node: CompiledNode) => ScoreNode {
  return (node) => writeNode(node, false);
}
