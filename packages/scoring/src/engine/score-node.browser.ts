import type { ScoreNodeObject as NodeBuild } from "./score-node";

// The browser build's score-node.ts: a literal, as `new` of a function that returns an object gives
// that object. Less code; a page scores a few assessments.

type Fields = ConstructorParameters<typeof NodeBuild>;

/**
 * Makes a score node with its first fields, in this order (`new ScoreNodeObject(...)`).
 *
 * @example
 * ```ts
 * const node = new ScoreNodeObject("kf-1", "key-factor", "Leadership", 62.5, 1, "scored", 1);
 * ```
 */
export const ScoreNodeObject = function (ref: Fields[0], level: Fields[1], title: Fields[2], score: Fields[3], coverage: Fields[4], status: Fields[5], weight: Fields[6]) {
  return { ref, level, title, score, coverage, status, weight };
} as unknown as typeof NodeBuild;
