const MAX_PREVIEW = 60;

/**
 * Text of at most `max` UTF-16 code units: longer text is cut to its first `max − 1` and "…", one unit
 * fewer where the cut would fall between the two halves of a character such as an emoji (which would
 * leave half a character, not Unicode, shown as "�"). For messages, so a huge value cannot flood a
 * report, and for titles. `max` is a whole number from 1 (default 60).
 *
 * @example
 * ```ts
 * truncate("abcdef", 4); // "abc…"
 * truncate("ab🏙cd", 4); // "ab…" (the "🏙" is two units)
 * ```
 */
export function truncate(text: string, max = MAX_PREVIEW): string {
  // \p{Cs} at the end: a pair's first half whose second half was cut off.
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\p{Cs}$/u, "")}…`;
}

/**
 * A short, safe rendering of any value for a message: strings quoted, long values cut, objects
 * and arrays summarised rather than serialised (they may be huge, cyclic or hostile).
 *
 * @example
 * previewValue("Helsinki"); // "\"Helsinki\""
 * previewValue([1, 2]); // "an array of 2 items"
 */
export function previewValue(value: unknown): string {
  try {
    if (typeof value === "string") return JSON.stringify(truncate(value));
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
      return String(value);
    }
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

/** Renders a list of values as `"a", "b" or "c"` for a message. */
export function listValues(values: readonly unknown[], conjunction = "or", max = 12): string {
  const shown = values.slice(0, max).map((v) => (typeof v === "string" ? JSON.stringify(v) : previewValue(v)));
  if (values.length > max) shown.push(`${values.length - max} more`);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${conjunction} ${shown[shown.length - 1]}`;
}

/**
 * What a value is, for a message: "the string \"x\"", "the number 3", "an array of 2 items".
 *
 * @example
 * describeValue(3); // "the number 3"
 */
export function describeValue(value: unknown): string {
  const type = jsonTypeOf(value);
  if (type === "string") return `the string ${previewValue(value)}`;
  if (type === "integer" || type === "number") return `the number ${previewValue(value)}`;
  return previewValue(value);
}

/**
 * A JSON type name with its article, as a message states an expectation: "an object", "an integer (a whole number)".
 *
 * @example
 * withArticle("array"); // "an array"
 */
export function withArticle(type: string): string {
  switch (type) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "integer":
      return "an integer (a whole number)";
    case "null":
      return "null";
    default:
      return `a ${type}`;
  }
}
