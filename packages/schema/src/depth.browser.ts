import { locateTooDeep, MAX_DEPTH } from "./too-deep";

// The browser build's depth.ts: the exact walk alone, without the quick walk that first clears the
// common case (it pays off over many documents). The same answers.

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
  return locateTooDeep(value, limit);
}
