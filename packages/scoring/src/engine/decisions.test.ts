// The rules of the README, each with a hand-computed fixture (the arithmetic written out) and, for the
// decision rule, properties that put rational inputs exactly on a boundary.
import type { Assessment, Benchmark, ScoreNode, ScoreReport } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answeredArb, assessmentFor } from "../../test/arbitraries";
import { keyFactorNodes } from "./aggregate";
import { roundScore } from "./exact";
import { findGaps } from "../insights/gaps";
import { equalAverage } from "./models/equal-average";
import { threshold } from "./models/threshold";
import { weightedMean } from "./models/weighted-mean";
import { createPeerIndex } from "../insights/peers";
import { scoreAssessment, type ScoreOptions } from "./score";
import { createScorer } from "./scorer";

const sources = [{ publication: "Decision tests", year: 2026, section: "Hand-computed" }];
const LEVEL_OF: Record<number, string> = { 0: "none", 25: "planned", 50: "partial", 75: "substantial", 100: "full" };

type Shape = { weight?: number; keyFactors: { weight?: number; questions: (number | undefined)[] }[] }[];

// A benchmark of the given shape (question weights; undefined: not given) and the assessment answering it.
function build(shape: Shape, levels: readonly (string | undefined)[], id = "test.assessment"): { benchmark: Benchmark; assessment: Assessment } {
  let n = 0;
  const benchmark: Benchmark = {
    kind: "benchmark",
    schemaVersion: "1.0",
    id: "test.decisions",
    version: "1.0.0",
    title: "Decisions",
    standard: "A standard for tests.",
    defaultScale: "cohesion.maturity",
    sources,
    sections: shape.map((s, i) => ({
      id: `s${i}`,
      title: `Section ${i}`,
      ...(s.weight === undefined ? {} : { weight: s.weight }),
      keyFactors: s.keyFactors.map((k, j) => ({
        id: `k${i}-${j}`,
        title: `Key factor ${i}.${j}`,
        ...(k.weight === undefined ? {} : { weight: k.weight }),
        guideQuestions: k.questions.map((w) => {
          const q = `q${n++}`;
          return w === undefined ? { id: q, text: `${q}?` } : { id: q, text: `${q}?`, weight: w };
        }),
      })),
    })),
  };
  return { benchmark, assessment: { ...assessmentFor(benchmark, levels), id } };
}

function score(benchmark: Benchmark, assessment: Assessment, options: ScoreOptions = {}): ScoreReport {
  const result = scoreAssessment(assessment, benchmark, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.errors, null, 2));
  return result.report;
}

function node(report: ScoreReport, ref: string): ScoreNode {
  const visit = (n: ScoreNode): ScoreNode | undefined => (n.ref === ref ? n : (n.children ?? []).map(visit).find((x) => x !== undefined));
  const found = visit(report.overall);
  if (!found) throw new Error(`no node ${ref}`);
  return found;
}

describe("the decision rule: scores rounded to 9 decimals before any comparison", () => {
  // Three questions of weight 0.1 answered full, partial, none:
  // (0.1·100 + 0.1·50 + 0.1·0) / (0.1 + 0.1 + 0.1) = 15 / 0.30000000000000004 = 49.99999999999999 in doubles,
  // exactly 50 in rational arithmetic; rounded to 9 decimals it is 50.
  const { benchmark, assessment } = build([{ keyFactors: [{ questions: [0.1, 0.1, 0.1] }] }], ["full", "partial", "none"]);

  it("writes the exact 50 as 50 and bands it Established", () => {
    expect(15 / (0.1 + 0.1 + 0.1)).toBe(49.99999999999999);
    const report = score(benchmark, assessment);
    expect(report.overall.score).toBe(50);
    expect(report.overall.band?.id).toBe("established");
  });

  it("meets a threshold of 50 with that key factor, and says Met", () => {
    const report = score(benchmark, assessment, { model: threshold });
    expect(report.standardMet).toBe(true);
    expect(report.overall.band?.id).toBe("met");
  });

  it("keeps a score just below a boundary below it: (0.1·100 + 0.1·50 + 0.1·0 + 0.1·0)/0.4 = 37.5", () => {
    const below = build([{ keyFactors: [{ questions: [0.1, 0.1, 0.1, 0.1] }] }], ["full", "partial", "none", "none"]);
    expect(score(below.benchmark, below.assessment).overall.score).toBe(37.5);
  });

  it("rounds 925/12 = 77.0833… to 77.083333333, so equal scores tie in peer ranks", () => {
    expect(roundScore(925 / 12)).toBe(77.083333333);
    // Two subjects scoring the same exact mean in different orders: (w·a + w·b + …) summed differently.
    const shape: Shape = [{ keyFactors: [{ questions: [0.1, 0.2, 0.7, 0.3] }] }];
    const first = build(shape, ["full", "planned", "substantial", "partial"], "test.first");
    const second = build(shape, ["full", "planned", "substantial", "partial"], "test.second");
    const reports = [score(first.benchmark, first.assessment), score(second.benchmark, second.assessment)];
    const index = createPeerIndex(reports);
    if (!index.ok) throw new Error("no index");
    const ranks = index.report.ranks();
    expect([ranks.rank[0], ranks.rank[1]]).toEqual([1, 1]);
  });

  it("puts rational inputs exactly on a band boundary, on the upper side, under every path", () => {
    // Pairs of answers symmetric about B (B − d and B + d, the same weight) average to exactly B.
    const pairs: Record<number, [number, number][]> = { 25: [[0, 50], [25, 25]], 50: [[0, 100], [25, 75], [50, 50]], 75: [[50, 100], [75, 75]] };
    const weightArb = fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1.1, 1 / 3, 3);
    const caseArb = fc.constantFrom(25, 50, 75).chain((boundary) =>
      fc.tuple(fc.constant(boundary), fc.array(fc.tuple(fc.constantFrom(...(pairs[boundary] as [number, number][])), weightArb, fc.boolean()), { minLength: 1, maxLength: 6 })),
    );
    fc.assert(
      fc.property(caseArb, ([boundary, chosen]) => {
        const weights: number[] = [];
        const levels: string[] = [];
        for (const [[low, high], weight, swap] of chosen) {
          weights.push(weight, weight);
          levels.push(LEVEL_OF[swap ? high : low] as string, LEVEL_OF[swap ? low : high] as string);
        }
        const { benchmark, assessment } = build([{ keyFactors: [{ questions: weights }] }], levels);
        const report = score(benchmark, assessment);
        expect(report.overall.score).toBe(boundary);
        expect(report.overall.band?.id).toBe({ 25: "developing", 50: "established", 75: "advanced" }[boundary]);
        const passed = score(benchmark, assessment, { model: threshold, parameters: { threshold: boundary } });
        expect(passed.standardMet).toBe(true);
        // The bulk path decides alike.
        const scorer = createScorer(benchmark, { explain: false, detail: "key-factors" });
        if (!scorer.ok) throw new Error("no scorer");
        const table = scorer.report.scoreAll([assessment]);
        expect(table.ok && table.report.overall[0]).toBe(boundary);
        // A target of exactly B is met: no gap.
        const gaps = findGaps(report, { uniformTarget: boundary });
        expect(gaps.ok && gaps.report.gaps).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("scores every node as the exact rational weighted mean, rounded to 9 decimals", () => {
    // Integer tenths as weights, so the exact mean is a fraction of integers computed with BigInt.
    const caseArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, 25, 50, 75, 100)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(caseArb, (questions) => {
        const { benchmark, assessment } = build([{ keyFactors: [{ questions: questions.map(([w]) => w / 10) }] }], questions.map(([, p]) => LEVEL_OF[p]));
        const numerator = questions.reduce((sum, [w, p]) => sum + BigInt(w) * BigInt(p), 0n);
        const denominator = questions.reduce((sum, [w]) => sum + BigInt(w), 0n);
        // round(n/d · 10^9) with halves up, in integers: floor((2·n·10^9 + d) / (2·d))
        const billionths = (2n * numerator * 1_000_000_000n + denominator) / (2n * denominator);
        expect(score(benchmark, assessment).overall.score).toBe(Number(billionths) / 1e9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("weight 0: shown, but counted nowhere", () => {
  // s0 weighs 1: k0-0 (weight 1) answered full = 100; k0-1 (weight 0) answered none = 0.
  const { benchmark, assessment } = build(
    [{ weight: 1, keyFactors: [{ weight: 1, questions: [1] }, { weight: 0, questions: [1] }] }],
    ["full", "none"],
  );

  it("leaves a weight-0 key factor out of the weighted mean: 1·100 / 1 = 100", () => {
    const report = score(benchmark, assessment);
    expect(report.overall.score).toBe(100);
    const trace = node(report, "s0").trace ?? [];
    expect(trace.map((t) => [t.ref, t.weight, t.share, t.contribution, t.note])).toEqual([
      ["test.decisions#k0-0", 1, 1, 100, undefined],
      ["test.decisions#k0-1", 0, 0, null, "Weight 0: shown, but left out of the score and coverage."],
    ]);
  });

  it("leaves it out of the threshold model's minimum and of its verdict alike: min(100) = 100, met", () => {
    const report = score(benchmark, assessment, { model: threshold });
    expect(report.overall.score).toBe(100);
    expect(report.overall.band?.id).toBe("met");
    expect(report.standardMet).toBe(true);
  });

  it("makes a node whose only answered inputs weigh 0 not applicable, and says why", () => {
    const zero = build([{ weight: 1, keyFactors: [{ weight: 1, questions: [1] }, { weight: 1, questions: [0, 0] }] }], ["partial", "full", "none"]);
    const report = score(zero.benchmark, zero.assessment);
    expect(node(report, "test.decisions#k0-1").status).toBe("not-applicable");
    // The overall score is k0-0's alone: 50.
    expect(report.overall.score).toBe(50);
    expect(node(report, "s0").trace?.[1]?.note).toBe("Not applicable: every input below it is n/a or weighs 0, so it is left out.");
  });

  it("agrees with the minimum by construction on any benchmark: met ⇒ overall ≥ T, not met ⇒ overall < T or none", () => {
    fc.assert(
      fc.property(answeredArb, fc.constantFrom(0, 25, 50, 60, 100), ([b, levels], pass) => {
        const report = score(b, assessmentFor(b, levels), { model: threshold, parameters: { threshold: pass } });
        const overall = report.overall.score;
        if (report.standardMet === true) expect(overall !== null && overall >= pass).toBe(true);
        if (report.standardMet === false) expect(overall === null || overall < pass).toBe(true);
        if (overall !== null && overall < pass) expect(report.standardMet).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("default weights: every key factor counts the same in the overall score", () => {
  // No weights anywhere. s0 has one key factor (answered full, 100); s1 has three (answered none, 0).
  const unbalanced: Shape = [
    { keyFactors: [{ questions: [undefined] }] },
    { keyFactors: [{ questions: [undefined] }, { questions: [undefined] }, { questions: [undefined] }] },
  ];
  const { benchmark, assessment } = build(unbalanced, ["full", "none", "none", "none"]);

  it("weights each section by its key factors: (1·100 + 3·0) / 4 = 25", () => {
    const report = score(benchmark, assessment, { model: weightedMean });
    expect(report.overall.score).toBe(25);
    expect(report.overall.trace?.map((t) => [t.ref, t.weight, t.share])).toEqual([
      ["s0", 1, 0.25],
      ["s1", 3, 0.75],
    ]);
    expect(report.messages?.find((m) => m.code === "default_weights")).toEqual({
      code: "default_weights",
      severity: "info",
      message:
        "The benchmark gives no weights to its sections, key factors and guide questions, so default weights are used: each section weighs the total weight of its key factors that count, so a key factor counts the same in the overall score whatever the size of its section; every key factor weighs 1 and every guide question and sub-question weighs 1.",
      params: { defaults: ["sections", "keyFactors", "questions"] },
    });
  });

  it("differs from equal-average, which averages section means: (100 + 0) / 2 = 50", () => {
    const report = score(benchmark, assessment, { model: equalAverage });
    expect(report.overall.score).toBe(50);
    expect((report.messages ?? []).some((m) => m.code === "default_weights")).toBe(false);
  });

  it("does not let an n/a key factor raise its siblings: s1 weighs 2, (1·100 + 2·0) / 3 = 33.333333333", () => {
    const withNa = build(unbalanced, ["full", "none", "none", "n/a"]);
    const report = score(withNa.benchmark, withNa.assessment);
    expect(node(report, "s1").weight).toBe(2);
    expect(report.overall.score).toBe(33.333333333);
  });

  it("keeps given section weights: s0 weight 1, s1 weight 1 → (100 + 0) / 2 = 50, and names only the levels defaulted", () => {
    const given = build([{ weight: 1, ...unbalanced[0] }, { weight: 1, ...unbalanced[1] }] as Shape, ["full", "none", "none", "none"]);
    const report = score(given.benchmark, given.assessment);
    expect(report.overall.score).toBe(50);
    expect(report.messages?.find((m) => m.code === "default_weights")?.params).toEqual({ defaults: ["keyFactors", "questions"] });
  });

  it("ranks gaps by each key factor's share of the overall score", () => {
    // Against a uniform 60: s0's key factor is above; s1's three are each 60 below with share 1/4 → priority 15.
    const report = score(benchmark, assessment);
    const gaps = findGaps(report, { uniformTarget: 60 });
    if (!gaps.ok) throw new Error("no gaps");
    expect(gaps.report.gaps.map((g) => [g.difference, g.weight, g.priority])).toEqual([
      [60, 0.25, 15],
      [60, 0.25, 15],
      [60, 0.25, 15],
    ]);
    expect(keyFactorNodes(report.overall).map((k) => k.weight)).toEqual([1, 1, 1, 1]);
  });
});

