import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValidationProblem } from "./generated/types";
import { mergeReports, toReport } from "./report";

describe("toReport", () => {
  const problemAt = (code: string, pointer: string, message: string, line?: number): ValidationProblem =>
    ({ code, severity: code === "w" ? "warning" : "error", pointer, message, params: {}, ...(line === undefined ? {} : { line }) }) as ValidationProblem;

  it("drops exact duplicates only, keeping the first of each in order", () => {
    const report = toReport([problemAt("a", "/x", "m"), problemAt("a", "/x", "m"), problemAt("a", "/x", "n"), problemAt("b", "/x", "m"), problemAt("a", "/y", "m"), problemAt("a", "/x", "m", 3)]);
    expect(report.errors.map((p) => `${p.code} ${p.pointer} ${p.message} ${p.line ?? ""}`)).toEqual(["a /x m ", "a /x n ", "b /x m ", "a /y m ", "a /x m 3"]);
    expect(toReport([problemAt("w", "", "note"), problemAt("w", "", "note")])).toEqual({ valid: true, errors: [problemAt("w", "", "note")] });
  });

  it("keeps the same problems as a set of whole-problem keys would, with few or many problems at one place", () => {
    // The reference: one key per problem, every field that tells two problems apart.
    const reference = (problems: readonly ValidationProblem[]) => {
      const seen = new Set<string>();
      return problems.filter((p) => {
        const key = JSON.stringify([p.code, p.pointer, p.message, p.file ?? "", p.line ?? ""]);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    };
    const problem = fc
      .tuple(fc.constantFrom("a", "b", "w"), fc.constantFrom("", "/x", "/x/0"), fc.constantFrom("m", "n", "o", "p"), fc.option(fc.constantFrom(1, 2), { nil: undefined }))
      .map(([code, pointer, message, line]) => problemAt(code, pointer, message, line));
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 60 }), (problems) => {
        const kept = reference(problems);
        expect(toReport(problems)).toEqual({ valid: kept.some((p) => p.severity === "error") === false, errors: kept });
        expect(mergeReports(toReport(problems.slice(0, 7)), toReport(problems.slice(7))).errors).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  });

  it("stays linear with many distinct problems at one place", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => problemAt("a", "", `problem ${i % 40_000}`));
    expect(toReport(many).errors).toHaveLength(40_000);
  });
});
