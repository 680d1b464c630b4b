import type { ValidationProblem, ValidationReport } from "@cohesion/schema";
import { toReport } from "@cohesion/schema";

/**
 * What every scoring function returns instead of throwing: the result, or a validation report
 * whose `errors` say what is wrong with the input, where (JSON Pointer) and how to fix it.
 * `warnings` on success carries non-blocking problems (for example an illustrative assessment).
 *
 * @example
 * ```ts
 * const result = scoreAssessment(assessment, benchmark);
 * if (result.ok) console.log(result.report.overall.score);
 * else for (const e of result.errors.errors) console.error(e.pointer, e.message);
 * ```
 */
export type ScoringResult<T> =
  | { readonly ok: true; readonly report: T; readonly warnings: readonly ValidationProblem[] }
  | { readonly ok: false; readonly errors: ValidationReport };

/**
 * Builds a successful {@link ScoringResult}.
 *
 * @example
 * ```ts
 * succeed({ score: 50 }).ok; // true
 * ```
 */
export function succeed<T>(report: T, warnings: readonly ValidationProblem[] = []): ScoringResult<T> {
  return { ok: true, report, warnings };
}

/**
 * Builds a failed {@link ScoringResult} from the problems found; the report is invalid by construction.
 *
 * @example
 * ```ts
 * fail([problem("benchmark_mismatch", "/benchmark", { ... })]).ok; // false
 * ```
 */
export function fail<T>(problems: readonly ValidationProblem[]): ScoringResult<T> {
  const report = toReport(problems);
  // A failure must never read as valid, even when a caller passed only warnings.
  return { ok: false, errors: report.valid ? { valid: false, errors: report.errors } : report };
}

/**
 * True when any problem is an error.
 *
 * @example
 * ```ts
 * hasErrors([{ severity: "warning", ... }]); // false
 * ```
 */
export function hasErrors(problems: readonly ValidationProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
