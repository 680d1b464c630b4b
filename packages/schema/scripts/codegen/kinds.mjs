// @ts-check
// Generates src/generated/kinds.ts from the one list of document kinds.
import { BANNER, DOCUMENT_KINDS } from "./source.mjs";

/** @returns {string} */
export function generateKinds() {
  return [
    BANNER,
    "",
    "/** Every kind of Cohesion document, in the order of the domain model. */",
    `export const DOCUMENT_KINDS = ${JSON.stringify(DOCUMENT_KINDS)} as const;`,
    "",
  ].join("\n");
}
