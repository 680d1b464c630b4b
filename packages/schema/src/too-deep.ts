import { joinPointer } from "./pointer";

// The exact walk for data nested too deep, shared by both builds' ./depth.ts (the Node build's walks
// the common case quickly first; the browser build's, ./depth.browser.ts, does not).

/** How deep a document may nest before it is refused, well below any stack limit. */
export const MAX_DEPTH = 100;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string;
}

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  return joinPointer("", ...keys.reverse());
}

/**
 * The JSON Pointer of the first place where `value` nests deeper than `limit` objects and arrays (a
 * cycle counts as too deep), or undefined. Walks with its own stack, so no input can overflow the call
 * stack, and enters a shared sub-tree again only deeper than before.
 *
 * @internal
 * @example
 * locateTooDeep({ a: { b: {} } }, 2); // "/a/b"
 */
export function locateTooDeep(value: unknown, limit: number): string | undefined {
  // Largest depth each object was entered at: shared sub-trees are walked again only deeper.
  const deepestVisit = new Map<object, number>();
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const current = frame.value;
    if (current === null || typeof current !== "object") continue;
    if (frame.depth >= limit) return pointerOf(frame);
    const seen = deepestVisit.get(current);
    if (seen !== undefined && seen >= frame.depth) continue;
    deepestVisit.set(current, frame.depth);
    const keys = Array.isArray(current) ? current.map((_v, i) => String(i)) : Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: unknown = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") {
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return undefined;
}
