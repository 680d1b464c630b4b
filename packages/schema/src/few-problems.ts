import type { ValidationProblem, ValidationReport } from "./generated/types";
import { sameProblem } from "./same-problem";

// A quick way to a report for a few problems (a refused document usually has under a dozen). The browser
// build's ./few-problems.browser.ts has none: toReport's general way gives the same report.

const COMPARED_IN_A_LIST = 16;

/**
 * The report of a few problems, exact repeats dropped, or undefined when there are more than a few.
 *
 * @example
 * fewWithoutRepeats([problem, problem]); // { valid: false, errors: [problem] }
 */
export function fewWithoutRepeats(problems: readonly ValidationProblem[]): ValidationReport | undefined {
  // A handful of string comparisons costs less than a Map of their pointers.
  if (problems.length > COMPARED_IN_A_LIST) return undefined;
  const errors: ValidationProblem[] = [];
  let valid = true;
  next: for (const problem of problems) {
    for (const kept of errors) if (kept.pointer === problem.pointer && sameProblem(kept, problem)) continue next;
    errors.push(problem);
    if (problem.severity === "error") valid = false;
  }
  return { valid, errors };
}
