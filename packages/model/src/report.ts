/*
 * The validation report format and its helpers come from @cohesion/schema. Until that package
 * exports them, a stand-in with the same signatures lives in ./report-shim; every module of this
 * package imports them from here so the switch is one line.
 */
export { defineProblems, toReport, mergeReports, joinPointer, escapePointerSegment } from "./report-shim";
export type { ValidationProblem, ValidationReport, Severity } from "./report-shim";
