import type { Benchmark, ScoreNode, ScoreReport } from "@cohesion/schema";
import { validateAs } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessmentFor, benchmarkArb, levelArb, questionIds } from "../../test/arbitraries";
import { assessment as makeAssessment, benchmark as fixtureBenchmark, LEVELS } from "../../test/fixtures";
import { enrichReport } from "../insights/enrich";
import { attachGaps, findGaps } from "../insights/gaps";
import type { AnyScoringModel } from "./model";
import { matchMentors } from "../insights/mentors";
import { equalAverage } from "./models/equal-average";
import { threshold } from "./models/threshold";
import { weightedMean } from "./models/weighted-mean";
import { createPeerIndex } from "../insights/peers";
import { recommendPractices } from "../insights/practices";
import { createModelRegistry } from "./registry";
import { compareProgress } from "../insights/progress";
import { scoreAssessment } from "./score";

const caseArb = benchmarkArb.chain((benchmark) =>
  fc.tuple(fc.constant(benchmark), fc.array(levelArb, { minLength: questionIds(benchmark).length, maxLength: questionIds(benchmark).length }), fc.double({ min: 0, max: 1, noNaN: true })),
);

function score(benchmark: Benchmark, levels: readonly (string | undefined)[], model: AnyScoringModel, coverageThreshold: number): ScoreReport {
  const result = scoreAssessment(assessmentFor(benchmark, levels), benchmark, { model, parameters: { coverageThreshold } });
  if (!result.ok) throw new Error(JSON.stringify(result.errors.errors));
  return result.report;
}

function nodes(node: ScoreNode, path = ""): Map<string, ScoreNode> {
  const key = `${path}/${node.level}:${node.ref}`;
  const found = new Map([[key, node]]);
  for (const child of node.children ?? []) for (const [k, v] of nodes(child, key)) found.set(k, v);
  return found;
}

const MODELS = [weightedMean, threshold, equalAverage];
const MONOTONE = [weightedMean, equalAverage];

describe("scoring properties", () => {
  it("every score is within 0–100 and every report validates against the schema", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...MODELS), ([benchmark, levels, t], model) => {
        const report = score(benchmark, levels, model, t);
        for (const node of nodes(report.overall).values()) {
          if (node.score !== null) expect(node.score >= 0 && node.score <= 100).toBe(true);
          expect(node.coverage >= 0 && node.coverage <= 1).toBe(true);
        }
        expect(validateAs("score-report", report).errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("raising any one answer never lowers any score under the monotone models", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.constantFrom(...MONOTONE), ([benchmark, levels, t], pick, model) => {
        const raisable = levels.flatMap((l, i) => (l !== undefined && l !== "n/a" && l !== "full" ? [i] : []));
        fc.pre(raisable.length > 0);
        const at = raisable[pick % raisable.length] as number;
        const raised = [...levels];
        raised[at] = LEVELS[LEVELS.indexOf(levels[at] as (typeof LEVELS)[number]) + 1];
        const before = nodes(score(benchmark, levels, model, t).overall);
        const after = nodes(score(benchmark, raised, model, t).overall);
        for (const [key, node] of before) {
          const next = after.get(key) as ScoreNode;
          expect(next.status).toBe(node.status);
          if (node.score !== null) expect((next.score as number) >= node.score - 1e-9).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("marking an answer n/a changes only that question and its ancestors", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.constantFrom(...MODELS), ([benchmark, levels, t], pick, model) => {
        const ids = questionIds(benchmark);
        const at = pick % ids.length;
        const marked = [...levels];
        marked[at] = "n/a";
        const before = nodes(score(benchmark, levels, model, t).overall);
        const after = nodes(score(benchmark, marked, model, t).overall);
        const target = [...before.keys()].find((k) => k.endsWith(`/guide-question:${ids[at]}`)) as string;
        for (const [key, node] of before) {
          const onPath = target === key || target.startsWith(`${key}/`);
          if (onPath) continue;
          const next = after.get(key) as ScoreNode;
          expect([next.score, next.coverage, next.status]).toEqual([node.score, node.coverage, node.status]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("answer order does not matter and the same input gives the same output", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...MODELS), fc.integer(), ([benchmark, levels, t], model, seed) => {
        const a = assessmentFor(benchmark, levels);
        const entries = Object.entries(a.answers);
        const shuffled = entries
          .map((e, i) => ({ e, k: Math.sin(seed + i) }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.e);
        const reordered = { ...a, answers: Object.fromEntries(shuffled) };
        const first = scoreAssessment(a, benchmark, { model, parameters: { coverageThreshold: t } });
        const again = scoreAssessment(structuredClone(a), structuredClone(benchmark), { model, parameters: { coverageThreshold: t } });
        const other = scoreAssessment(reordered, benchmark, { model, parameters: { coverageThreshold: t } });
        expect(again).toEqual(first);
        expect(other).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it("a parent question's score lies between the lowest and highest of its own answer and sub-questions", () => {
    fc.assert(
      fc.property(caseArb, ([benchmark, levels]) => {
        for (const node of nodes(score(benchmark, levels, weightedMean, 0).overall).values()) {
          if (node.level !== "guide-question" || node.score === null) continue;
          const inputs = (node.trace ?? []).filter((t) => (t.share ?? 0) > 0).map((t) => t.score as number);
          expect(node.score >= Math.min(...inputs) - 1e-9 && node.score <= Math.max(...inputs) + 1e-9).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

function wellFormed(result: { ok: boolean; errors?: { valid: boolean; errors: unknown[] } }): void {
  if (result.ok) return;
  expect(result.errors?.valid).toBe(false);
  expect(result.errors?.errors.length).toBeGreaterThan(0);
  for (const e of result.errors?.errors ?? []) {
    const problem = e as Record<string, unknown>;
    expect(typeof problem["code"]).toBe("string");
    expect(problem["code"]).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(["error", "warning", "info"]).toContain(problem["severity"]);
    expect(typeof problem["pointer"]).toBe("string");
    expect(typeof problem["message"]).toBe("string");
    // Garbage is the caller's fault and must be named as such, not reach the last-resort net.
    expect(problem["code"]).not.toBe("internal_error");
  }
}

describe("garbage in, report out", () => {
  const valid = makeAssessment({ "q-a1": "full" });
  const nearlyValid = fc.record({
    ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.anything())])),
    answers: fc.dictionary(fc.oneof(fc.constantFrom("q-a1", "q-b1", "q-zz"), fc.string()), fc.oneof(fc.record({ level: fc.oneof(fc.constantFrom("full", "n/a", "maybe"), fc.string()) }), fc.anything())),
  });

  it("scoreAssessment answers anything with a well-formed result", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearlyValid), fc.oneof(fc.anything(), fc.constant(fixtureBenchmark)), fc.anything(), fc.anything(), (a, b, parameters, garbage) => {
        const result = scoreAssessment(a, b, { parameters });
        wellFormed(scoreAssessment(a, b, garbage as never));
        wellFormed(scoreAssessment(a, b, { model: garbage as never, scales: garbage as never, models: garbage as never, scale: garbage as never }));
        wellFormed(result);
        if (result.ok) expect(validateAs("score-report", result.report).valid).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gaps, peers, practices, mentors and progress answer anything with a well-formed result", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (x, y, z) => {
        wellFormed(findGaps(x, { uniformTarget: y as number }));
        wellFormed(attachGaps(x));
        wellFormed(createPeerIndex(x, { places: y as unknown[] }));
        wellFormed(recommendPractices(x, { practices: y as never, places: z as unknown[] }));
        wellFormed(matchMentors(x, y, { places: z as unknown[] }));
        wellFormed(compareProgress({ assessment: x, benchmark: y }, { assessment: z, benchmark: fixtureBenchmark }));
        wellFormed(compareProgress(x as never, y as never));
        wellFormed(findGaps(x, y as never));
        wellFormed(recommendPractices(x, y as never));
        wellFormed(matchMentors(x, [], y as never));
        wellFormed(createPeerIndex([], y as never));
        wellFormed(enrichReport(x, y as never));
        wellFormed(compareProgress(x as never, y as never, z as never));
        wellFormed(createModelRegistry().register(x));
      }),
      { numRuns: 200 },
    );
  });
});
