/*
 * Renders values for messages the way @cohesion/schema does, so a parse report and a validation
 * report describe the same value in the same words.
 */

const MAX_PREVIEW = 60;

function truncate(text: string, max = MAX_PREVIEW): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A short, safe rendering of any value: strings quoted and cut, containers summarised. */
export function previewValue(value: unknown): string {
  try {
    if (typeof value === "string") return JSON.stringify(truncate(value));
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
    if (value === null) return "null";
    if (value === undefined) return "nothing";
    if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
  } catch {
    return "a value that cannot be read";
  }
}

/** The JSON type name of a value, as a schema's `type` keyword would call it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** "the string \"x\"", "the number 3", "an array of 2 items"...: what a value is, for a message. */
export function describeValue(value: unknown): string {
  const type = jsonTypeOf(value);
  if (type === "string") return `the string ${previewValue(value)}`;
  if (type === "integer" || type === "number") return `the number ${previewValue(value)}`;
  return previewValue(value);
}

/** Renders values as `"a", "b" or "c"`. */
export function listValues(values: readonly unknown[], conjunction = "or", max = 12): string {
  const shown = values.slice(0, max).map((value) => (typeof value === "string" ? JSON.stringify(value) : previewValue(value)));
  if (values.length > max) shown.push(`${values.length - max} more`);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${conjunction} ${shown[shown.length - 1]}`;
}
