import type { ValidationReport } from "@cohesion/schema";
import type { ReportAssessment } from "../types";

// The browser build's bulk.ts: nothing kept between assessments, no second way to write a block. The
// same reports, less code.

/**
 * The tree `compile` makes, compiled for every assessment.
 *
 * @example
 * ```ts
 * const tree = compiledFor(plan, rules, () => buildTree(plan, rules));
 * ```
 */
export function compiledFor<T>(_plan: unknown, _rules: unknown, compile: () => T): T {
  return compile();
}

/**
 * The report of `validate` on `document`, worked out on every call.
 *
 * @example
 * ```ts
 * const report = validateOnce(validateBenchmark, benchmark);
 * ```
 */
export function validateOnce(validate: (document: unknown) => ValidationReport, document: object): ValidationReport {
  return validate(document);
}

/**
 * No buffer kept: every evaluation gets fresh arrays.
 *
 * @example
 * ```ts
 * evaluateTree(tree, answers, coverageThreshold, scratchOf(tree, () => evaluationBuffer(tree)));
 * ```
 */
export function scratchOf<T>(_tree: unknown, _make: () => T): T | undefined {
  return undefined;
}

/**
 * Undefined: every block is written key by key.
 *
 * @example
 * ```ts
 * const block = usualBlock(assessment, scale) ?? blockOf(assessment, scale);
 * ```
 */
export function usualBlock(_assessment: unknown, _scale: unknown): ReportAssessment | undefined {
  return undefined;
}
