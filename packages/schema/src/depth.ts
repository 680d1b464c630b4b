import { locateTooDeep, MAX_DEPTH } from "./too-deep";

export { MAX_DEPTH };

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
  // a node budget hands shared sub-trees (which only programs can build) to the exact walk.
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

