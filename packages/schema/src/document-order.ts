import type { ValidationProblem } from "./generated/types";
import { MAX_DEPTH } from "./depth";
import { splitPointer } from "./pointer";

/**
 * Where a pointer stands in reading order (pre-order: an object before its fields, fields in the order
 * they are written), as the position of each of its segments among its parent's keys; a location that is
 * not in the document (or lies below the deepest a valid document goes) gets [Infinity] and sorts last.
 * Only the problems' own paths are walked, not the whole document: a large document with a few problems
 * costs a few lookups.
 */
function readingPosition(document: unknown, pointer: string, keyOrder: WeakMap<object, Map<string, number>>): number[] {
  if (pointer === "") return [];
  const segments = splitPointer(pointer);
  if (!pointer.startsWith("/") || segments.length > MAX_DEPTH) return [Infinity];
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
    let order = keyOrder.get(value);
    if (!order) {
      order = new Map(Object.keys(value).map((key, i) => [key, i]));
      keyOrder.set(value, order);
    }
    const at = order.get(segment);
    if (at === undefined) return [Infinity];
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
  const keyOrder = new WeakMap<object, Map<string, number>>();
  const positions = new Map<string, number[]>();
  const positionOf = (pointer: string) => {
    let found = positions.get(pointer);
    if (!found) {
      found = readingPosition(document, pointer, keyOrder);
      positions.set(pointer, found);
    }
    return found;
  };
  return problems
    .map((problem, index) => ({ problem, index, position: positionOf(problem.pointer) }))
    .sort((a, b) => comparePositions(a.position, b.position) || a.index - b.index)
    .map((entry) => entry.problem);
}
