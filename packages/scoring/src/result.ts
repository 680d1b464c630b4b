import type { ValidationProblem, ValidationReport } from "@cohesion/schema";
import { toReport } from "@cohesion/schema";
import { engineProblem } from "./problems";

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

/**
 * Runs a scoring step so that nothing escapes as an exception: a fault inside comes back as an
 * `internal_error` problem. Every public function of this package goes through it.
 *
 * @example
 * ```ts
 * export function findGaps(report: unknown) {
 *   return safely(() => computeGaps(report));
 * }
 * ```
 */
export function safely<T>(run: () => ScoringResult<T>): ScoringResult<T> {
  try {
    return run();
  } catch (error) {
    return fail([engineProblem("internal_error", "", { detail: thrownText(error) })]);
  }
}

/**
 * The options object a caller passed, or an empty one when it passed something else.
 *
 * @example
 * ```ts
 * optionsOf(null); // {}
 * ```
 */
export function optionsOf<T extends object>(options: T | undefined): Partial<T> {
  return typeof options === "object" && options !== null ? options : {};
}

/**
 * What was thrown, in words: an Error's message, anything else as `String()` gives it, and a fixed text
 * when even that throws (an object whose `toString` or `message` getter throws, a revoked Proxy), so that
 * reporting a failure never fails itself. A few bytes instead of `describeThrown`, for the browser bundle.
 *
 * @example
 * thrownText({ toString() { throw 1; } }); // "a value that cannot be shown"
 */
export function thrownText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "a value that cannot be shown";
  }
}
