import { describe, expect, it } from "vitest";
import { defineProblems, interpolate } from "./problems";
import { mergeReports, toReport } from "./report";

const problem = defineProblems({
  unknown_reference: { severity: "error", message: 'nothing has the id "{id}" (at {pointer})' },
  stale_answer: { severity: "warning", message: "{count} answers refer to {names}" },
});

describe("defineProblems", () => {
  it("builds a problem with code, severity, pointer, interpolated message and params", () => {
    expect(problem("unknown_reference", "/practiceRefs/0", { id: "eurocities.x" })).toEqual({
      code: "unknown_reference",
      severity: "error",
      pointer: "/practiceRefs/0",
      message: 'nothing has the id "eurocities.x" (at /practiceRefs/0)',
      params: { id: "eurocities.x" },
    });
  });

  it("reads the root pointer as words and renders lists and numbers", () => {
    const p = problem("stale_answer", "", { count: 2, names: ["a", "b"] });
    expect(p.severity).toBe("warning");
    expect(p.message).toBe('2 answers refer to "a", "b"');
    expect(interpolate("at {pointer}", "", {})).toBe("at the document root");
  });

  it("leaves a placeholder without a param visible and ignores inherited names", () => {
    expect(interpolate("{missing} and {toString}", "/a", {})).toBe("{missing} and {toString}");
  });

  it("keeps messages within the report schema's limit however long the params", () => {
    expect(interpolate("{x}", "", { x: "y".repeat(10_000) }).length).toBeLessThanOrEqual(1000);
    const many = Object.fromEntries(Array.from({ length: 10 }, (_v, i) => [`p${i}`, "z".repeat(5000)]));
    expect(interpolate("{p0}{p1}{p2}{p3}{p4}{p5}{p6}{p7}{p8}{p9}", "", many).length).toBeLessThanOrEqual(4000);
  });
});

describe("toReport and mergeReports", () => {
  const error = problem("unknown_reference", "/a", { id: "x.y" });
  const warning = problem("stale_answer", "", { count: 1, names: [] });

  it("is valid exactly when no problem is an error", () => {
    expect(toReport([])).toEqual({ valid: true, errors: [] });
    expect(toReport([warning]).valid).toBe(true);
    expect(toReport([warning, error]).valid).toBe(false);
  });

  it("drops exact duplicates but keeps the order of the rest", () => {
    expect(toReport([error, warning, error]).errors).toEqual([error, warning]);
  });

  it("merges reports: invalid if any part is", () => {
    const merged = mergeReports(toReport([warning]), toReport([error]), toReport([]));
    expect(merged).toEqual({ valid: false, errors: [warning, error] });
  });
});
