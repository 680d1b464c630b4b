/**
 * How deep a parser lets input nest. Recursive schemas (guide questions, framework items, score
 * nodes) would otherwise let crafted input exhaust the stack; real documents stay far below this.
 */
export const MAX_DEPTH = 64;

/**
 * Finds the first place where `value` nests deeper than `maxDepth` objects and arrays, without
 * recursion, so it is safe on any input (including cyclic values, which nest without end).
 * Returns the path to that place, or `undefined` when the value is shallow enough.
 *
 * @example
 * ```ts
 * findTooDeep({ a: { b: {} } }, 2); // ["a", "b"]
 * findTooDeep({ a: 1 }, 1); // undefined
 * ```
 */
export function findTooDeep(value: unknown, maxDepth: number = MAX_DEPTH): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    const current = next.value;
    if (typeof current !== "object" || current === null) continue;
    if (next.path.length >= maxDepth) return next.path;
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...next.path, String(index)] }));
    } else {
      for (const key of Object.keys(current)) {
        stack.push({ value: (current as Record<string, unknown>)[key], path: [...next.path, key] });
      }
    }
  }
  return undefined;
}
