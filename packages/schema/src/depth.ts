import { joinPointer } from "./pointer";

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
 * Finds where a value nests deeper than `limit` objects and arrays (a cycle counts as too
 * deep). Walks with its own stack so no input can overflow the call stack.
 *
 * @returns the JSON Pointer of the first place beyond the limit, or undefined when within it.
 * @example
 * findTooDeep({ a: { b: {} } }, 2); // "/a/b"
 */
export function findTooDeep(value: unknown, limit = MAX_DEPTH): string | undefined {
  // Fast path for the common case: a plain recursive walk, safe because it stops at `limit` levels;
  // a node budget hands shared sub-trees (which only programs can build) to the exact walk below.
  const budget = { nodes: 200_000 };
  if (value === null || typeof value !== "object" || within(value, limit, budget)) return undefined;
  return locateTooDeep(value, limit);
}

/** Whether an object or array nests within `remaining` levels; children that are not objects are not descended into. */
function within(value: object, remaining: number, budget: { nodes: number }): boolean {
  if (remaining <= 0 || --budget.nodes < 0) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === "object" && !within(child, remaining - 1, budget)) return false;
    }
    return true;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object" && !within(child, remaining - 1, budget)) return false;
  }
  return true;
}

function locateTooDeep(value: unknown, limit: number): string | undefined {
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
