import type { ScoreNode } from "@cohesion/schema";

// A score node's first fields, as one object. The browser build makes it with a literal
// (./score-node.browser.ts): less code, the same object to any reader.

type NodeFields = Pick<ScoreNode, "ref" | "level" | "title" | "score" | "coverage" | "status" | "weight">;

// A plain object (its prototype is Object.prototype, as a literal's is), made by a constructor: V8 then
// keeps room in the object itself for the fields added once it is made (band, answer, trace,
// children), where an object literal would get a second array for them, one more allocation per node.
function PlainNode(
  this: NodeFields,
  ref: string,
  level: ScoreNode["level"],
  title: string,
  score: number | null,
  coverage: number,
  status: ScoreNode["status"],
  weight: number,
) {
  this.ref = ref;
  this.level = level;
  this.title = title;
  this.score = score;
  this.coverage = coverage;
  this.status = status;
  this.weight = weight;
}
PlainNode.prototype = Object.prototype;

/**
 * Makes a score node with its first fields, in this order (`new ScoreNodeObject(...)`); the caller adds
 * band, answer, trace and children.
 *
 * @example
 * ```ts
 * const node = new ScoreNodeObject("kf-1", "key-factor", "Leadership", 62.5, 1, "scored", 1);
 * ```
 */
export const ScoreNodeObject = PlainNode as unknown as new (...fields: Parameters<typeof PlainNode>) => ScoreNode;
