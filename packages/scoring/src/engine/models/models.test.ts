import { validateAs } from "@cohesion/schema";
import type { ScoreNode, ScoreReport } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { ANSWERS as answers, assessment, benchmark } from "../../../test/fixtures";
import { scoreAssessment } from "../score";
import { equalAverage } from "./equal-average";
import { threshold } from "./threshold";
import { weightedMean } from "./weighted-mean";

function find(node: ScoreNode, ref: string): ScoreNode {
  if (node.ref === ref) return node;
  for (const child of node.children ?? []) {
    try {
      return find(child, ref);
    } catch {
      // keep looking in the next child
    }
  }
  throw new Error(`no node ${ref}`);
}

function scored(model: Parameters<typeof scoreAssessment>[2]): ScoreReport {
  const result = scoreAssessment(assessment(answers), benchmark, model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.errors, null, 2));
  expect(validateAs("score-report", result.report).errors).toEqual([]);
  return result.report;
}

describe("cohesion.weighted-mean", () => {
  const report = scored({ model: weightedMean });
  const node = (ref: string) => find(report.overall, ref);

  it("scores a leaf question as its level on the scale", () => {
    expect(node("q-a1").score).toBe(100);
    expect(node("q-a2").score).toBe(50);
  });

  it("rolls a parent question's own answer and its sub-questions into one weighted mean", () => {
    // (1·25 + 1·75 + 1·0) / 3 = 33.333…
    expect(node("q-b1").score).toBeCloseTo(100 / 3, 8);
    expect(node("q-b1").trace?.map((t) => [t.ref, t.input, t.share])).toEqual([
      ["q-b1", "own-answer", 1 / 3],
      ["q-b1a", "child", 1 / 3],
      ["q-b1b", "child", 1 / 3],
    ]);
  });

  it("weights questions within a key factor", () => {
    // kf-a = (1·100 + 3·50) / 4 = 62.5
    expect(node("test.small#kf-a").score).toBe(62.5);
    // kf-b = (33.333… + 75) / 2 = 54.1666…
    expect(node("test.small#kf-b").score).toBeCloseTo(54.1666667, 6);
  });

  it("leaves n/a out and lets an unanswered question lower coverage, never counting it as zero", () => {
    // kf-c: q-c1 50 counts; q-c2 n/a is left out; q-c3 unanswered → coverage 1/2, score 50 (not (50+0)/2).
    const kfC = node("test.small#kf-c");
    expect(kfC.score).toBe(50);
    expect(kfC.coverage).toBe(0.5);
    expect(kfC.status).toBe("scored");
    expect(node("q-c2").status).toBe("not-applicable");
    expect(node("q-c3").status).toBe("unanswered");
  });

  it("weights key factors within a section and sections within the overall score", () => {
    // s1 = (1·62.5 + 3·54.1666…) / 4 = 56.25
    expect(node("s1").score).toBeCloseTo(56.25, 8);
    // overall = (2·56.25 + 1·50) / 3 = 54.1666…, coverage (2·1 + 1·0.5) / 3 = 0.8333…
    expect(report.overall.score).toBeCloseTo(54.1666667, 6);
    expect(report.overall.coverage).toBeCloseTo(5 / 6, 8);
    expect(report.overall.band).toEqual({ id: "established", label: "Established" });
  });

  it("traces contributions that add up to the score", () => {
    const trace = report.overall.trace ?? [];
    expect(trace.map((t) => [t.ref, t.weight])).toEqual([
      ["s1", 2],
      ["s2", 1],
    ]);
    const sum = trace.reduce((total, t) => total + (t.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(report.overall.score ?? NaN, 8);
  });

  it("names the model, its parameters and the benchmark", () => {
    expect(report.model).toEqual({
      id: "cohesion.weighted-mean",
      version: "1.0.0",
      title: "Weighted mean",
      parameters: {
        coverageThreshold: 0.5,
        parentAnswerWeight: 1,
        bands: [
          { id: "starting", label: "Starting", min: 0 },
          { id: "developing", label: "Developing", min: 25 },
          { id: "established", label: "Established", min: 50 },
          { id: "advanced", label: "Advanced", min: 75 },
        ],
      },
    });
    expect(report.benchmark).toEqual({ id: "test.small", version: "1.0.0", title: "Small test benchmark" });
  });

  it("gives no score below the coverage threshold", () => {
    const strict = scored({ model: weightedMean, parameters: { coverageThreshold: 0.6 } });
    const kfC = find(strict.overall, "test.small#kf-c");
    expect(kfC.status).toBe("insufficient-evidence");
    expect(kfC.score).toBeNull();
    // s2 has no score either, so the overall score is s1's alone: 56.25.
    expect(find(strict.overall, "s2").score).toBeNull();
    expect(strict.overall.score).toBeCloseTo(56.25, 8);
    expect(strict.messages?.map((m) => m.code)).toContain("key_factor_insufficient_evidence");
  });

  it("weighs a parent question's own answer by parentAnswerWeight", () => {
    // (2·25 + 75 + 0) / 4 = 31.25
    const report2 = scored({ model: weightedMean, parameters: { parentAnswerWeight: 2 } });
    expect(find(report2.overall, "q-b1").score).toBe(31.25);
  });
});

describe("cohesion.equal-average", () => {
  const report = scored({ model: equalAverage });
  const node = (ref: string) => find(report.overall, ref);

  it("ignores benchmark weights at every level", () => {
    // kf-a = (100 + 50) / 2 = 75 (q-a2's weight 3 ignored)
    expect(node("test.small#kf-a").score).toBe(75);
    // kf-b = ((25 + 75 + 0) / 3 + 75) / 2 = 54.1666…
    expect(node("test.small#kf-b").score).toBeCloseTo(54.1666667, 6);
    // s1 = (75 + 54.1666…) / 2 = 64.5833…; overall = (64.5833… + 50) / 2 = 57.2916…
    expect(node("s1").score).toBeCloseTo(64.5833333, 6);
    expect(report.overall.score).toBeCloseTo(57.2916667, 6);
    expect(node("s1").weight).toBe(1);
  });
});

describe("cohesion.threshold", () => {
  it("meets the standard when every key factor reaches T, the weakest setting the overall score", () => {
    // Key factors as weighted means: kf-a 62.5, kf-b 54.1666…, kf-c 50; all ≥ 50.
    const report = scored({ model: threshold });
    expect(report.standardMet).toBe(true);
    // s1 = min(62.5, 54.1666…), s2 = 50, overall = min(54.1666…, 50) = 50
    expect(find(report.overall, "s1").score).toBeCloseTo(54.1666667, 6);
    expect(report.overall.score).toBe(50);
    expect(report.overall.band).toEqual({ id: "met", label: "Met" });
  });

  it("does not meet the standard when one key factor is below T", () => {
    // T = 60: kf-b 54.1666… and kf-c 50 fall short.
    const report = scored({ model: threshold, parameters: { threshold: 60 } });
    expect(report.standardMet).toBe(false);
    expect(find(report.overall, "test.small#kf-b").band).toEqual({ id: "not-met", label: "Not met" });
  });

  it("cannot tell when a key factor has no score and none is below T", () => {
    const report = scored({ model: threshold, parameters: { threshold: 40, coverageThreshold: 0.6 } });
    // kf-c has coverage 0.5 < 0.6: no score; kf-a and kf-b are above 40.
    expect(report.standardMet).toBeNull();
  });
});
