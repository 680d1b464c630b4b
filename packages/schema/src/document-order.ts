import type { ValidationProblem } from "./generated/types";
import { MAX_DEPTH } from "./depth";
import { splitPointer } from "./pointer";

// Objects with more keys than this get a Map of key positions; smaller ones are searched in their
// key list, which costs less than building a Map for the two or three problems a document usually has.
const SEARCHED_KEYS = 16;

type KeyOrder = Map<object, readonly string[] | Map<string, number>>;

/** The position of `key` among the keys of `value` as they are written, or -1. */
function keyPosition(value: object, key: string, keyOrder: KeyOrder): number {
  let order = keyOrder.get(value);
  if (order === undefined) {
    const keys = Object.keys(value);
    order = keys.length > SEARCHED_KEYS ? new Map(keys.map((k, i) => [k, i])) : keys;
    keyOrder.set(value, order);
  }
  return order instanceof Map ? (order.get(key) ?? -1) : order.indexOf(key);
}

/**
 * Where a pointer stands in reading order (pre-order: an object before its fields, fields in the order
 * they are written), as the position of each of its segments among its parent's keys; a location that is
 * not in the document (or lies below the deepest a valid document goes) gets [Infinity] and sorts last.
 * Only the problems' own paths are walked, not the whole document: a large document with a few problems
 * costs a few lookups.
 */
function readingPosition(document: unknown, pointer: string, keyOrder: KeyOrder): number[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return [Infinity];
  // Most pointers have no escaped character: split without unescaping each segment.
  const segments = pointer.includes("~") ? splitPointer(pointer) : pointer.slice(1).split("/");
  if (segments.length > MAX_DEPTH) return [Infinity];
  const position: number[] = [];
  let value: unknown = document;
  for (const segment of segments) {
    if (value === null || typeof value !== "object") return [Infinity];
    if (Array.isArray(value)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= value.length || String(index) !== segment) return [Infinity];
      position.push(index);
      value = value[index];
      continue;
    }
    const at = keyPosition(value, segment, keyOrder);
    if (at < 0) return [Infinity];
    position.push(at);
    value = (value as Record<string, unknown>)[segment];
  }
  return position;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return a.length - b.length;
}

/**
 * Sorts problems into the order a reader meets them in the document; problems at the same place
 * keep their order. Problems whose place is not in the document (a missing field is reported on
 * its object, which is) go last.
 *
 * Exported so that other checks (integrity, parsers, plugins' own) list their problems in the
 * same order as the validators.
 *
 * @example
 * sortByDocumentOrder(problems, document);
 */
export function sortByDocumentOrder(problems: readonly ValidationProblem[], document: unknown): ValidationProblem[] {
  if (problems.length < 2) return [...problems];
  // Problems all at one place (a refused value's several complaints) are in order already.
  const first = (problems[0] as ValidationProblem).pointer;
  if (problems.every((problem) => problem.pointer === first)) return [...problems];
  const keyOrder: KeyOrder = new Map();
  const positions = new Map<string, number[]>();
  const entries = problems.map((problem, index) => {
    let position = positions.get(problem.pointer);
    if (!position) {
      position = readingPosition(document, problem.pointer, keyOrder);
      positions.set(problem.pointer, position);
    }
    return { problem, index, position };
  });
  return entries.sort((a, b) => comparePositions(a.position, b.position) || a.index - b.index).map((entry) => entry.problem);
}
