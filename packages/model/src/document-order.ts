import { joinPointer, MAX_DEPTH, type ValidationProblem } from "./report";

/**
 * Sorts problems into the order a reader meets their places in the document (an object before its
 * fields, fields as written), as the report format asks and `@cohesion/schema`'s validators do;
 * problems at one place keep their order, problems at places not in the document go last.
 * Iterative, so nesting cannot overflow the stack.
 *
 * @example
 * ```ts
 * sortByDocumentOrder(problems, document);
 * ```
 */
export function sortByDocumentOrder(problems: readonly ValidationProblem[], document: unknown): ValidationProblem[] {
  if (problems.length < 2) return [...problems];
  const order = new Map<string, number>();
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value: document, pointer: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop() as { value: unknown; pointer: string; depth: number };
    if (order.has(pointer)) continue;
    order.set(pointer, order.size);
    // Below the deepest a valid document goes (or around a cycle) nothing is ranked: it sorts last.
    if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) continue;
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index] as [string, unknown];
      stack.push({ value: child, pointer: joinPointer(pointer, key), depth: depth + 1 });
    }
  }
  const rank = (problem: ValidationProblem) => order.get(problem.pointer) ?? Number.MAX_SAFE_INTEGER;
  return problems
    .map((problem, index) => ({ problem, index, rank: rank(problem) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.problem);
}
