import type { ValidationProblem } from "./generated/types";
import { MAX_DEPTH } from "./depth";
import { joinPointer } from "./pointer";

/**
 * The position of every location of a document in reading order (pre-order: an object before
 * its fields, fields in the order they are written). Iterative, so nesting cannot overflow.
 */
function readingOrder(document: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value: document, pointer: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop() as { value: unknown; pointer: string; depth: number };
    if (order.has(pointer)) continue;
    order.set(pointer, order.size);
    // Below the deepest a valid document goes (or around a cycle) nothing is ranked: it sorts last.
    if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) continue;
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push({ value: child, pointer: joinPointer(pointer, key), depth: depth + 1 });
    }
  }
  return order;
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
  const order = readingOrder(document);
  const rank = (p: ValidationProblem) => order.get(p.pointer) ?? Number.MAX_SAFE_INTEGER;
  return problems
    .map((problem, index) => ({ problem, index, rank: rank(problem) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.problem);
}
