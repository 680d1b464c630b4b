import type { ValidationProblem } from "@cohesion/schema";

/**
 * Formats a problem as one line of text: `file:line pointer severity code: message`.
 *
 * @example
 * ```ts
 * formatProblem({ code: "unknown_field", severity: "error", pointer: "/sections/0", message: "…", params: {}, file: "a.json", line: 1 });
 * // "a.json:1 /sections/0 error unknown_field: …"
 * ```
 */
export function formatProblem(problem: ValidationProblem): string {
  const where = problem.file === undefined ? "" : `${problem.file}${problem.line === undefined ? "" : `:${problem.line}`} `;
  const pointer = problem.pointer === "" ? "(document)" : problem.pointer;
  return `${where}${pointer} ${problem.severity} ${problem.code}: ${problem.message}`;
}

/** English plural of a count, for summaries. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
