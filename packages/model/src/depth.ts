import { joinPointer } from "./report";

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly pointer: string;
}

/**
 * Finds the first place, in document order, where `value` nests `limit` or more objects and
 * arrays below the root, as `@cohesion/schema`'s validators measure it (a cycle nests without end
 * and so is always too deep). Walks with its own stack, so no input can overflow the call stack.
 * Returns the JSON Pointer of that place, or `undefined` when the value is shallow enough.
 *
 * @example
 * ```ts
 * findTooDeep({ a: { b: {} } }, 2); // "/a/b"
 * findTooDeep({ a: 1 }, 2); // undefined
 * ```
 */
export function findTooDeep(value: unknown, limit: number): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  // The deepest level each object was entered at: a shared sub-tree is walked again only deeper.
  const deepestVisit = new Map<object, number>();
  const stack: Frame[] = [{ value, depth: 0, pointer: "" }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.depth >= limit) return frame.pointer;
    const seen = deepestVisit.get(frame.value);
    if (seen !== undefined && seen >= frame.depth) continue;
    deepestVisit.set(frame.value, frame.depth);
    const keys = Array.isArray(frame.value) ? frame.value.map((_item, index) => String(index)) : Object.keys(frame.value);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as string;
      const child: unknown = (frame.value as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) {
        stack.push({ value: child, depth: frame.depth + 1, pointer: joinPointer(frame.pointer, key) });
      }
    }
  }
  return undefined;
}
