import type { ValidationProblem } from "./generated/types";

/**
 * Whether two problems are the same: code, message, file and line agree (a problem's params follow from
 * its code and message; the callers compare places).
 *
 * @example
 * sameProblem(a, { ...a }); // true
 */
export function sameProblem(a: ValidationProblem, b: ValidationProblem): boolean {
  return a.code === b.code && a.message === b.message && (a.file ?? "") === (b.file ?? "") && `${a.line ?? ""}` === `${b.line ?? ""}`;
}
