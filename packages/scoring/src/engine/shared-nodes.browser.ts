import type { ScoreNode } from "@cohesion/schema";
import type { Band } from "./parameters";
import type { SharedNodes } from "./shared-nodes";

// The browser build's shared-nodes.ts: nothing is shared between reports (a page scores a few
// assessments; sharing pays off over thousands), so every question node is written for its report
// and left unfrozen, with the same content. Band labels are frozen, as in Node.

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

/** No question node is shared: every one is written for its report. */
export const MAX_SHARED_PER_QUESTION = 0;

/**
 * Never called (no node is shared); the node as it is.
 *
 * @example
 * ```ts
 * freezeQuestion(node) === node; // true
 * ```
 */
export function freezeQuestion(node: ScoreNode): ScoreNode {
  return node;
}
