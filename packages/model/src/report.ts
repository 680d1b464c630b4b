/*
 * The report format and helpers are @cohesion/schema's, so parse reports and integrity reports
 * read exactly like validation reports.
 */
export { defineProblems, toReport, joinPointer, escapePointerSegment, schemaProblem, MAX_DEPTH } from "@cohesion/schema";
export type { ValidationProblem, ValidationReport, Severity, SchemaProblemCode, DocumentKind } from "@cohesion/schema";
export { DOCUMENT_KINDS } from "@cohesion/schema";
