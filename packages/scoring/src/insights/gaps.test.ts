import { describe, expect, it } from "vitest";
import { ANSWERS, assessment } from "../../test/fixtures";
import { reportOf } from "../../test/reports";
import { attachGaps, findGaps } from "./gaps";

// Weighted mean: kf-a 62.5, kf-b 54.1666…, kf-c 50 (see models.test.ts).
// Effective weights: s1 = 2/3 of the overall, s2 = 1/3; kf-a = 1/4 · 2/3 = 1/6, kf-b = 3/4 · 2/3 = 1/2, kf-c = 1 · 1/3 = 1/3.
const report = reportOf(assessment(ANSWERS));

describe("findGaps", () => {
  it("ranks gaps against a uniform target by difference × weight", () => {
    const result = findGaps(report, { uniformTarget: 60 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // kf-c: (60 − 50) · 1/3 = 3.333…; kf-b: (60 − 54.1666…) · 1/2 = 2.9166…; kf-a: (60 − 62.5) · 1/6 = −0.4166… (a strength)
    expect(result.report.gaps.map((g) => g.keyFactor)).toEqual(["test.small#kf-c", "test.small#kf-b"]);
    expect(result.report.gaps[0]?.priority).toBeCloseTo(10 / 3, 8);
    expect(result.report.gaps[1]?.priority).toBeCloseTo(35 / 12, 8);
    expect(result.report.gaps[1]?.weight).toBeCloseTo(0.5, 8);
    expect(result.report.strengths.map((g) => [g.keyFactor, g.difference, g.targetSource])).toEqual([["test.small#kf-a", -2.5, "uniform-target"]]);
  });

  it("uses the assessment's own key factor target, else its overall target", () => {
    const result = findGaps(report, { targets: { overall: 70, keyFactors: { "kf-b": 50 } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // kf-c: (70 − 50) · 1/3 = 6.666…; kf-a: (70 − 62.5) · 1/6 = 1.25; kf-b: 50 − 54.1666… < 0 → strength
    expect(result.report.gaps.map((g) => [g.keyFactor, g.targetSource])).toEqual([
      ["test.small#kf-c", "overall-target"],
      ["test.small#kf-a", "overall-target"],
    ]);
    expect(result.report.gaps[1]?.priority).toBeCloseTo(1.25, 8);
    expect(result.report.strengths.map((g) => [g.keyFactor, g.targetSource])).toEqual([["test.small#kf-b", "key-factor-target"]]);
  });

  it("lists key factors without any target instead of inventing one", () => {
    const result = findGaps(report);
    expect(result.ok && result.report.untargeted).toEqual(["test.small#kf-a", "test.small#kf-b", "test.small#kf-c"]);
  });

  it("refuses a target outside 0–100", () => {
    const result = findGaps(report, { uniformTarget: 120 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.errors[0]?.pointer).toBe("/uniformTarget");
  });

  it("attaches gaps and strengths to the report", () => {
    const result = attachGaps(report, { uniformTarget: 60 });
    expect(result.ok && result.report.gaps?.length).toBe(2);
    expect(result.ok && result.report.strengths?.length).toBe(1);
  });
});
