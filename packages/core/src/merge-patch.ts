/**
 * A JSON value as JSON.parse produces it.
 *
 * @example
 * ```ts
 * const patch: JsonValue = { properties: { acmeRating: { type: "integer" } } };
 * ```
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// defineProperty rather than assignment, so a patch member named "__proto__" stays plain data
// instead of replacing the result's prototype.
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Applies a JSON Merge Patch (RFC 7396) to a JSON value and returns the result; neither argument is changed.
 * Members of an object patch replace or add members of the target, `null` removes one, and any
 * other patch (an array, a string, a number...) replaces the target as a whole.
 *
 * @example
 * ```ts
 * import { applyMergePatch } from "@cohesion/core";
 * applyMergePatch({ a: "b", c: { d: "e", f: "g" } }, { a: "z", c: { f: null } });
 * // { a: "z", c: { d: "e" } }
 * ```
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredCloneJson(patch);
  const result: Record<string, unknown> = {};
  if (isObject(target)) {
    for (const [key, value] of Object.entries(target)) setMember(result, key, value);
  }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else setMember(result, key, applyMergePatch(result[key], value));
  }
  return result;
}

// Arrays and scalars from the patch are copied so the result never aliases the patch.
function structuredCloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneJson);
  if (isObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) setMember(copy, key, structuredCloneJson(member));
    return copy;
  }
  return value;
}
