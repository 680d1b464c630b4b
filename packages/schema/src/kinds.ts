/** Every kind of Cohesion document, in the order of the domain model. */
export const DOCUMENT_KINDS = [
  "framework",
  "scale",
  "benchmark",
  "practice",
  "place",
  "scheme",
  "assessment",
  "score-report",
  "plugin-manifest",
] as const;

/** The `kind` of a Cohesion document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Whether a value names a document kind.
 *
 * @example
 * isDocumentKind("benchmark"); // true
 * isDocumentKind("constructor"); // false
 */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
