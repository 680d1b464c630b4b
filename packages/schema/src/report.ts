import type { ValidationProblem, ValidationReport } from "./generated/types";

function problemKey(problem: ValidationProblem): string {
  return `${problem.code}\u0000${problem.pointer}\u0000${problem.message}\u0000${problem.file ?? ""}\u0000${problem.line ?? ""}`;
}

/**
 * Wraps problems in a report: valid when none has severity `error`; exact duplicates dropped.
 *
 * @example
 * toReport([]); // { valid: true, errors: [] }
 */
export function toReport(problems: readonly ValidationProblem[]): ValidationReport {
  // One problem (the usual case of a refused document) has nothing to be a duplicate of.
  if (problems.length < 2) return { valid: !problems.some((p) => p.severity === "error"), errors: [...problems] };
  const seen = new Set<string>();
  const errors: ValidationProblem[] = [];
  for (const problem of problems) {
    const key = problemKey(problem);
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(problem);
  }
  return { valid: !errors.some((p) => p.severity === "error"), errors };
}

/**
 * Combines reports into one: valid only when every part is.
 *
 * @example
 * mergeReports(schemaReport, integrityReport);
 */
export function mergeReports(...reports: readonly ValidationReport[]): ValidationReport {
  return toReport(reports.flatMap((r) => r.errors));
}
