import { DOCUMENT_KINDS } from "./generated/kinds";

export { DOCUMENT_KINDS };

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
