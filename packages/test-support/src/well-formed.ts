import type { ValidationReport } from "@cohesion/schema";
import { expect } from "vitest";

const SEVERITIES = ["error", "warning", "info"];

/** What a report's problems may be held to besides the shape every report has. */
export interface WellFormedOptions {
  /** The codes the problems must come from (any snake_case code when not given). */
  readonly codes?: readonly string[];
}

/**
 * Asserts that a report has the shape every Cohesion report has: `valid` is a boolean that is true
 * exactly when no problem is an error, and each problem has a snake_case code, a severity, a JSON
 * Pointer, a message and params. It also asserts that nothing polluted Object.prototype.
 *
 * @example
 * ```ts
 * expectWellFormed(validate(input));
 * expectWellFormed(checkIntegrity(docs), { codes: INTEGRITY_CODES });
 * ```
 */
export function expectWellFormed(report: ValidationReport, options: WellFormedOptions = {}): void {
  expect(typeof report.valid).toBe("boolean");
  expect(Array.isArray(report.errors)).toBe(true);
  expect(report.valid).toBe(!report.errors.some((problem) => problem.severity === "error"));
  for (const problem of report.errors) {
    if (options.codes) expect(options.codes).toContain(problem.code);
    else expect(problem.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(SEVERITIES).toContain(problem.severity);
    expect(problem.pointer === "" || problem.pointer.startsWith("/")).toBe(true);
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length).toBeGreaterThan(0);
    expect(typeof problem.params).toBe("object");
    expect(problem.params).not.toBeNull();
  }
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
}
