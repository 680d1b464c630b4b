import { defineProblems } from "../report";

/**
 * The problems `checkIntegrity` reports: what a schema cannot see across or inside documents.
 * Every problem's params carry `documentId`, `documentKind` and `documentIndex` (its place in the
 * list checked); its pointer is a JSON Pointer inside that document.
 *
 * @example
 * ```ts
 * integrityProblem("practice_unlinked", "", { documentId: "eurocities.x", documentKind: "practice", documentIndex: 0 });
 * ```
 */
export const integrityProblem = defineProblems({
  duplicate_id: {
    severity: "error",
    message: "The {what} id \"{id}\" is used more than once: again at {pointer} of {document}, first {first}. Give each {what} its own id.",
  },
  unresolved_reference: {
    severity: "error",
    message: "{document} refers at {pointer} to {refKind} \"{ref}\", which is not among the documents checked.{hint} Fix the reference or add the {refKind}.",
  },
  benchmark_version_not_found: {
    severity: "error",
    message: "{document} refers at {pointer} to version {version} of benchmark \"{benchmarkId}\", which is not among the documents checked; the versions present are {available}. Use one of those or add that version.",
  },
  unknown_guide_question: {
    severity: "error",
    message: "{document} answers \"{questionId}\" at {pointer}, but benchmark \"{benchmarkId}\" {version} has no such guide question.{hint} Fix the id or remove the answer.",
  },
  unknown_level: {
    severity: "error",
    message: "{document} uses level \"{level}\" at {pointer}, but scale \"{scaleId}\" has only {available}.{hint} Use one of those levels{naHint}.",
  },
  unknown_context_factor: {
    severity: "error",
    message: "{document} marks context factor \"{contextFactorId}\" at {pointer}, but benchmark \"{benchmarkId}\" {version} has no such context factor.{hint} Fix the id or remove the mark.",
  },
  unknown_key_factor: {
    severity: "error",
    message: "{document} sets a target for key factor \"{keyFactorId}\" at {pointer}, but benchmark \"{benchmarkId}\" {version} has no such key factor.{hint} Fix the id or remove the target.",
  },
  practice_unlinked: {
    severity: "error",
    message: "{document} links to no key factor and no framework item, so no one will find it. Add \"keyFactors\" (<benchmarkId>#<keyFactorId>) or \"domains\" (<frameworkId>#<itemId>).",
  },
  scale_not_increasing: {
    severity: "error",
    message: "{document}: level \"{levelId}\" at {pointer} has value {value}, which is not above the value {previousValue} of the level before it (\"{previousLevelId}\"). List levels from lowest to highest with increasing values.",
  },
  integrity_check_failed: {
    severity: "error",
    message: "The documents could not be read for the integrity check ({reason}). Pass parsed JSON documents.",
  },
});

/**
 * Every code `checkIntegrity` can report.
 *
 * @example
 * ```ts
 * const code: IntegrityCode = "unknown_guide_question";
 * ```
 */
export type IntegrityCode = Parameters<typeof integrityProblem>[0];

/**
 * The codes `checkIntegrity` reports, for documentation and tools that filter reports.
 *
 * @example
 * ```ts
 * INTEGRITY_CODES.includes("unknown_level"); // true
 * ```
 */
export const INTEGRITY_CODES: readonly IntegrityCode[] = [
  "duplicate_id",
  "unresolved_reference",
  "benchmark_version_not_found",
  "unknown_guide_question",
  "unknown_level",
  "unknown_context_factor",
  "unknown_key_factor",
  "practice_unlinked",
  "scale_not_increasing",
  "integrity_check_failed",
];
