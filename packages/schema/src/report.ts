import type { ValidationProblem, ValidationReport } from "./generated/types";
import { fewWithoutRepeats } from "./few-problems";
import { sameProblem } from "./same-problem";

const COMPARED_AT_ONE_PLACE = 8;

// Each part prefixed with its length, so that no two different problems share a key.
function problemKey(problem: ValidationProblem): string {
  const [code, message, file] = [`${problem.code}`, `${problem.message}`, `${problem.file ?? ""}`];
  return `${code.length}:${code}${message.length}:${message}${file.length}:${file}:${problem.line ?? ""}`;
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
  // A few problems (a refused document usually has under a dozen) are compared with those kept so far:
  // a handful of string comparisons costs less than a Map of their pointers.
  const few = fewWithoutRepeats(problems);
  if (few) return few;
  // Grouped by pointer, so only problems at one place are compared and no key string is built from
  // each problem's (possibly long) message; a place with many problems gets a set of keys instead, so
  // that a million problems at one place stay linear.
  const atPointer = new Map<string, ValidationProblem[] | Set<string>>();
  const errors: ValidationProblem[] = [];
  for (const problem of problems) {
    const here = atPointer.get(problem.pointer);
    if (here === undefined) atPointer.set(problem.pointer, [problem]);
    else if (Array.isArray(here)) {
      if (here.some((other) => sameProblem(other, problem))) continue;
      here.push(problem);
      if (here.length > COMPARED_AT_ONE_PLACE) atPointer.set(problem.pointer, new Set(here.map(problemKey)));
    } else {
      const key = problemKey(problem);
      if (here.has(key)) continue;
      here.add(key);
    }
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
