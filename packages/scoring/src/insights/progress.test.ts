import type { Benchmark } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { ANSWERS as answers, assessment, benchmark } from "../../test/fixtures";
import { compareProgress } from "./progress";


// Version 1.1.0 rewords q-c1 and adds q-a3 to kf-a; kf-b is untouched.
const v2: Benchmark = structuredClone(benchmark);
v2.version = "1.1.0";
const [s1, s2] = v2.sections;
s1?.keyFactors[0]?.guideQuestions.push({ id: "q-a3", text: "Question A3?" });
const c1 = s2?.keyFactors[0]?.guideQuestions[0];
if (c1) c1.text = "Question C1, reworded?";

describe("compareProgress", () => {
  it("gives deltas for unchanged key factors and flags changed ones as not comparable", () => {
    const before = assessment(answers, { id: "test.testville-2024" });
    // Two years on, q-b2 is full: kf-b = (33.333… + 100) / 2 = 66.666…, up from 54.1666… → delta 12.5
    const after = assessment({ ...answers, "q-b2": "full", "q-a3": "full" }, { id: "test.testville-2026", benchmark: { id: "test.small", version: "1.1.0" } });
    const result = compareProgress({ assessment: before, benchmark }, { assessment: after, benchmark: v2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const progress = result.report;
    expect(progress.benchmark).toEqual({ id: "test.small", before: "1.0.0", after: "1.1.0" });
    expect(progress.questions).toEqual([
      { question: "q-c1", change: "text-changed", keyFactor: "test.small#kf-c", before: "Question C1?", after: "Question C1, reworded?" },
      { question: "q-a3", change: "added", keyFactor: "test.small#kf-a", after: "Question A3?" },
    ]);
    const byRef = Object.fromEntries(progress.keyFactors.map((k) => [k.keyFactor, k]));
    expect(byRef["test.small#kf-b"]?.comparable).toBe(true);
    expect(byRef["test.small#kf-b"]?.delta).toBeCloseTo(12.5, 8);
    expect(byRef["test.small#kf-a"]).toMatchObject({ comparable: false, delta: null });
    expect(byRef["test.small#kf-a"]?.reasons).toEqual(['Guide question "q-a3" was added between versions 1.0.0 and 1.1.0.']);
    expect(byRef["test.small#kf-c"]).toMatchObject({ comparable: false, delta: null });
    expect(byRef["test.small#kf-c"]?.reasons[0]).toContain("text changed");
    // Not every key factor is comparable, so neither is the overall score.
    expect(progress.overall.comparable).toBe(false);
    expect(progress.overall.delta).toBeNull();
  });

  it("compares everything within one version", () => {
    const result = compareProgress(
      { assessment: assessment(answers, { id: "test.t-1" }), benchmark },
      { assessment: assessment({ ...answers, "q-c3": "full" }, { id: "test.t-2" }), benchmark },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.questions).toEqual([]);
    // kf-c: 50 → (50 + 100) / 2 = 75, coverage 1/2 → 1
    expect(result.report.keyFactors[2]?.delta).toBe(25);
    // overall: (2·56.25 + 50) / 3 → (2·56.25 + 75) / 3, a rise of 25 / 3
    expect(result.report.overall.delta).toBeCloseTo(25 / 3, 8);
  });

  it("refuses assessments of different subjects", () => {
    const result = compareProgress(
      { assessment: assessment(answers), benchmark },
      { assessment: assessment(answers, { subject: { type: "place", name: "Otherville", ref: "test.otherville" } }), benchmark },
    );
    expect(!result.ok && result.errors.errors[0]?.code).toBe("different_subjects");
  });

  it("passes on scoring problems of either side, saying which", () => {
    const result = compareProgress({ assessment: assessment({ "q-a1": "maybe" }), benchmark }, { assessment: assessment(answers), benchmark: v2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.errors.map((e) => [e.code, e.params["side"]])).toEqual([
      ["answer_level_not_on_scale", "before"],
      ["benchmark_mismatch", "after"],
    ]);
  });
});
