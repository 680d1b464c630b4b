import { YES_PARTLY_NO_SCALE } from "@cohesion/model";
import type { Assessment, ScoreNode, ScoreReport } from "@cohesion/schema";
import { validateAs } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answeredArb, assessmentFor } from "../../test/arbitraries";
import { ANSWERS as answers, assessment, benchmark, unevenScale } from "../../test/fixtures";
import { keyFactorNodes } from "./aggregate";
import type { AnyScoringModel } from "./model";
import { equalAverage } from "./models/equal-average";
import { threshold } from "./models/threshold";
import { weightedMean } from "./models/weighted-mean";
import type { ScoreOptions } from "./score";
import { scoreAssessment } from "./score";
import { scoreThoroughly } from "./score-steps";
import { createScorer, type Scorer } from "./scorer";

function scorerFor(b: unknown, options: ScoreOptions = {}): Scorer {
  const made = createScorer(b, options);
  if (!made.ok) throw new Error(JSON.stringify(made.errors.errors));
  return made.report;
}

function reportOf(result: ReturnType<Scorer["score"]>): ScoreReport {
  if (!result.ok) throw new Error(JSON.stringify(result.errors.errors));
  return result.report;
}

describe("createScorer", () => {
  it("scores the hand-computed fixture", () => {
    const report = reportOf(scorerFor(benchmark).score(assessment(answers)));
    const kf = new Map(keyFactorNodes(report.overall).map((n) => [n.ref, n]));
    // kf-a = (1·100 + 3·50) / 4 = 62.5
    expect(kf.get("test.small#kf-a")?.score).toBe(62.5);
    // kf-b = ((25 + 75 + 0) / 3 + 75) / 2 = 54.1666…
    expect(kf.get("test.small#kf-b")?.score).toBeCloseTo(54.1666667, 6);
    // kf-c = 50 (n/a left out, unanswered lowers coverage to 1/2)
    expect(kf.get("test.small#kf-c")?.score).toBe(50);
    expect(kf.get("test.small#kf-c")?.coverage).toBe(0.5);
    // s1 = (62.5 + 3·54.1666…) / 4 = 56.25; overall = (2·56.25 + 50) / 3 = 54.1666…
    expect(report.overall.score).toBeCloseTo(54.1666667, 6);
    expect(report.overall.coverage).toBeCloseTo(5 / 6, 8);
    expect(report.overall.band).toEqual({ id: "established", label: "Established" });
    expect(validateAs("score-report", report).errors).toEqual([]);
  });

  it("names the benchmark and the model with its parameters, frozen", () => {
    const scorer = scorerFor(benchmark, { model: "cohesion.threshold", parameters: { threshold: 60 } });
    expect(scorer.benchmark).toEqual({ id: "test.small", version: "1.0.0", title: "Small test benchmark" });
    expect(scorer.model).toMatchObject({ id: "cohesion.threshold", parameters: { threshold: 60, coverageThreshold: 0.5, parentAnswerWeight: 1 } });
    expect(Object.isFrozen(scorer.model.parameters)).toBe(true);
  });

  it("refuses a bad benchmark, model or parameters once, with the problems scoreAssessment gives", () => {
    const bad = createScorer({ kind: "benchmark" }, { model: "acme.nothing", parameters: { coverageThreshold: 2 } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.errors[0]?.code).toBe("unknown_model");
    expect(bad.errors.errors.slice(1).every((e) => e.params["document"] === "benchmark")).toBe(true);
    const params = createScorer(benchmark, { parameters: { coverageThreshold: 2 } });
    expect(params.ok ? [] : params.errors.errors.map((e) => [e.code, e.pointer])).toEqual([["invalid_parameters", "/coverageThreshold"]]);
    expect(createScorer(benchmark, { scale: { kind: "scale" } as never }).ok).toBe(false);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (b, options) => {
        const made = createScorer(b, options as ScoreOptions);
        expect(typeof made.ok).toBe("boolean");
      }),
      { numRuns: 100 },
    );
  });

  it("gives garbage and invalid assessments the report scoreAssessment gives", () => {
    const scorer = scorerFor(benchmark);
    // Deprecated since schema version 1.1: valid, with a warning.
    const deprecatedEvidence = { ...assessment({}, { schemaVersion: "1.1" }), answers: { "q-a1": { level: "full", evidence: "Old free-text evidence." } } };
    const cases: unknown[] = [
      42,
      null,
      [],
      {},
      { ...assessment({}), answers: { "q-a1": { level: 7 } } },
      assessment({ "q-zz": "full" }),
      assessment({ "q-a1": "yes" }),
      assessment({}, { scale: "test.missing" }),
      assessment({}, { benchmark: { id: "test.small", version: "2.0.0" } }),
      deprecatedEvidence,
      // The frame is checked apart from the answers: what the answers hide must still be found.
      { ...assessment({}), answers: "full" },
      { ...assessment({}), answers: undefined },
      Object.defineProperty(assessment({ "q-a1": "full" }), "title", { value: 42, enumerable: false }),
      // A field the schema check reads but a copy of the enumerable fields would not have.
      Object.defineProperty(assessment({ "q-a1": "full" }), "illustrative", { value: "yes", enumerable: false }),
      Object.defineProperty(assessment({ "q-a1": "full" }), "answers", { value: { "q-a1": { level: "full" } }, enumerable: false }),
      { ...assessment({}), answers: { "q-a1": { level: new String("full") } } },
      { ...assessment({}), answers: { "q-a1": { level: 50 } } },
      { ...assessment({}), answers: { "q-a1": { level: "n/a" }, "q-a2": { level: "none", notes: "Not started." } } },
      { ...assessment({}), answers: { "q-a1": { level: "full" }, "q-a2": undefined } },
      JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(assessment({ "q-a1": "full" })).slice(1)}`),
    ];
    for (const input of cases) {
      const result = scorer.score(input);
      expect(result).toStrictEqual(scoreAssessment(input, benchmark));
      // scoreAssessment takes the quick path too: the thorough one is the reference.
      expect(JSON.stringify(result)).toBe(JSON.stringify(scoreThoroughly(input, benchmark, {})));
    }
    expect(scorer.score(42).ok).toBe(false);
    const deprecated = scorer.score(deprecatedEvidence);
    expect(deprecated.ok && deprecated.warnings.map((w) => w.code)).toEqual(["deprecated_field"]);
  });

  it("reads answers on the scale the assessment names or the options give", () => {
    const named = scorerFor(benchmark, { scales: [unevenScale] });
    const a = assessment({ "q-c1": "mid" }, { scale: "test.uneven" });
    expect(named.score(a)).toStrictEqual(scoreAssessment(a, benchmark, { scales: [unevenScale] }));
    const given = scorerFor(benchmark, { scale: YES_PARTLY_NO_SCALE });
    const b = assessment({ "q-c1": "partly" });
    expect(reportOf(given.score(b)).assessment?.scale).toBe("cohesion.yes-partly-no");
    expect(given.score(b)).toStrictEqual(scoreAssessment(b, benchmark, { scale: YES_PARTLY_NO_SCALE }));
  });

  it("reads the options once, when it is made", () => {
    const options: { explain?: boolean; parameters: { coverageThreshold: number } } = { parameters: { coverageThreshold: 0.5 } };
    const scorer = scorerFor(benchmark, options);
    options.explain = false;
    options.parameters.coverageThreshold = 0.9;
    expect(reportOf(scorer.score(assessment(answers))).overall.trace).toBeDefined();
    // Quick and thorough paths alike keep the parameters the scorer was made with.
    expect(reportOf(scorer.score(assessment(answers))).model.parameters["coverageThreshold"]).toBe(0.5);
    const thorough = reportOf(scorer.score({ ...assessment(answers, { schemaVersion: "1.1" }), answers: { "q-a1": { level: "full", evidence: "Free text." } } }));
    expect(thorough.model.parameters["coverageThreshold"]).toBe(0.5);
  });
});

const MODELS: AnyScoringModel[] = [weightedMean, threshold, equalAverage];
const optionsArb = fc.record({
  model: fc.constantFrom(...MODELS),
  parameters: fc.record({ coverageThreshold: fc.constantFrom(0, 0.5, 0.8, 1) }),
  explain: fc.boolean(),
  detail: fc.constantFrom<"questions" | "key-factors">("questions", "key-factors"),
});

// Assessments near a valid one: each field perhaps replaced by something else, answers perhaps odd.
const jsonValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
const oddAnswer = fc.oneof(
  fc.record({ level: fc.oneof(fc.constantFrom("full", "n/a", "N/A", "yes", "", "full ", "a".repeat(81)), fc.string()) }),
  fc.record({ level: fc.constantFrom("partial", "n/a"), notes: fc.oneof(fc.string({ maxLength: 3 }), fc.constant("x".repeat(20_001)), fc.integer()) }),
  fc.record({ level: fc.constant("full"), evidence: fc.string({ minLength: 1 }) }),
  fc.record({ evidenceLinks: fc.constant([{ title: "Report", url: "https://example.org/report" }]) }),
  fc.constantFrom({}, { other: 1 }, null, "full", [], { level: undefined }),
);
const nearAssessmentArb = answeredArb.chain(([b, levels]) =>
  fc
    .record({
      field: fc.constantFrom("kind", "schemaVersion", "id", "title", "benchmark", "subject", "scale", "method", "assessedBy", "assessedOn", "answers", "illustrative", "notes", "targets", "sources", "extra"),
      replaceField: fc.boolean(),
      value: fc.oneof(
        jsonValue,
        fc.constantFrom(undefined, "1.0", "1.1", "1.9", "2.0", "2026-02-29", "2024-02-29", "2026-13-01", "test.small", "prop.bench", { id: "prop.bench", version: "1.0.0" }, true),
      ),
      oddKey: fc.oneof(fc.constantFrom("q0", "q1", "zz", "Q0", "q 0", "__proto__", "constructor"), fc.string({ maxLength: 4 })),
      odd: fc.option(oddAnswer, { nil: undefined }),
    })
    .map(({ field, replaceField, value, oddKey, odd }) => {
      const doc: Record<string, unknown> = { ...assessmentFor(b, levels) };
      if (replaceField) doc[field] = value;
      if (odd !== undefined) doc["answers"] = { ...(doc["answers"] as object), [oddKey]: odd };
      return { benchmark: b, assessment: doc };
    }),
);

describe("a scorer and scoreAssessment agree", () => {
  it("on valid assessments of any benchmark, under every model and option", () => {
    fc.assert(
      fc.property(answeredArb, optionsArb, ([b, levels], options) => {
        const a = assessmentFor(b, levels);
        const fromScorer = scorerFor(b, options).score(a);
        const single = scoreAssessment(a, b, options);
        expect(fromScorer.ok).toBe(true);
        expect(fromScorer).toStrictEqual(single);
        expect(JSON.stringify(fromScorer)).toBe(JSON.stringify(scoreThoroughly(a, b, options)));
      }),
      { numRuns: 200 },
    );
  });

  it("on garbage and nearly valid assessments: the same report or the same problems, never a throw", () => {
    fc.assert(
      fc.property(fc.oneof(nearAssessmentArb, fc.record({ benchmark: answeredArb.map(([b]) => b), assessment: fc.anything() })), optionsArb, ({ benchmark: b, assessment: a }, options) => {
        const fromScorer = scorerFor(b, options).score(a);
        expect(fromScorer).toStrictEqual(scoreAssessment(a, b, options));
        expect(JSON.stringify(fromScorer)).toBe(JSON.stringify(scoreThoroughly(a, b, options)));
        if (!fromScorer.ok) expect(fromScorer.errors.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

function withoutExplanations(node: ScoreNode): Omit<ScoreNode, "trace" | "children"> {
  const { trace: _trace, children: _children, ...rest } = node;
  return rest;
}

describe("compact and full reports", () => {
  it("carry the same numbers from key factors up; compact leaves traces and questions out", () => {
    fc.assert(
      fc.property(answeredArb, fc.constantFrom(...MODELS), ([b, levels], model) => {
        const a: Assessment = assessmentFor(b, levels);
        const full = reportOf(scorerFor(b, { model }).score(a));
        const compact = reportOf(scorerFor(b, { model, explain: false, detail: "key-factors" }).score(a));
        expect(validateAs("score-report", compact).errors).toEqual([]);
        const walk = (f: ScoreNode, c: ScoreNode): void => {
          expect(c.trace).toBeUndefined();
          expect(withoutExplanations(c)).toEqual(withoutExplanations(f));
          if (c.level === "key-factor") {
            expect(c.children).toBeUndefined();
            return;
          }
          (c.children ?? []).forEach((child, i) => walk(f.children?.[i] as ScoreNode, child));
        };
        walk(full.overall, compact.overall);
        expect(compact.messages).toEqual(full.messages);
        expect(compact.standardMet).toEqual(full.standardMet);
      }),
      { numRuns: 150 },
    );
  });
});

describe("documents validated beforehand", () => {
  it("give valid assessments the same reports, and anything else a report, never a throw", () => {
    fc.assert(
      fc.property(answeredArb, ([b, levels]) => {
        const a = assessmentFor(b, levels);
        const validated = scorerFor(b, { validated: true });
        expect(validated.score(a)).toStrictEqual(scorerFor(b).score(a));
        const table = validated.scoreAll([a]);
        expect(table.ok && table.report.errors.size).toBe(0);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.oneof(nearAssessmentArb, fc.record({ benchmark: answeredArb.map(([b]) => b), assessment: fc.anything() })), ({ benchmark: b, assessment: a }) => {
        const result = scorerFor(b, { validated: true }).score(a);
        // Not what was promised: either the engine could read every field it needs (and scored it),
        // or the assessment was checked in full and its problems are reported.
        if (!result.ok) {
          expect(result.errors.errors.length).toBeGreaterThan(0);
          expect(result.errors.errors.some((e) => e.code === "internal_error")).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("read only the level of each answer: notes, evidence links and deprecated evidence change nothing, as on the thorough path", () => {
    fc.assert(
      fc.property(answeredArb, fc.constantFrom("notes", "evidenceLinks", "evidence"), ([b, levels], field) => {
        const a = assessmentFor(b, levels);
        const extra = { notes: { notes: "Checked with the city council." }, evidenceLinks: { evidenceLinks: [{ title: "Annual report", url: "https://example.org/report" }] }, evidence: { evidence: "Annual report." } }[field];
        const withFields = { ...a, answers: Object.fromEntries(Object.entries(a.answers).map(([id, answer]) => [id, { ...answer, ...extra }])) };
        expect(validateAs("assessment", withFields).valid).toBe(true);
        const options = { validated: true, explain: true, detail: "questions" } as const;
        const scorer = scorerFor(b, options);
        const report = scorer.score(withFields);
        expect(JSON.stringify(report)).toBe(JSON.stringify(scoreThoroughly(withFields, b, options)));
        // The level is all that is read, so the report is the one of the bare answers.
        expect(JSON.stringify(report)).toBe(JSON.stringify(scorer.score(a)));
        const table = scorer.scoreAll([withFields]);
        expect(table.ok && table.report.errors.size).toBe(0);
        expect(table.ok && table.report.warnings.size).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("still report what the engine reads: an unknown question, a level off the scale, another benchmark", () => {
    const validated = scorerFor(benchmark, { validated: true });
    const cases: [Assessment, string][] = [
      [assessment({ ...answers, "q-unknown": "full" }), "unknown_guide_question"],
      [assessment({ ...answers, "q-a1": "excellent" }), "unknown_level"],
      [assessment(answers, { benchmark: { id: "test.other", version: "1.0.0" } }), "benchmark_mismatch"],
    ];
    for (const [a, code] of cases) {
      const result = validated.score(a);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.errors.map((e) => e.code)).toContain(code);
      expect(result).toStrictEqual(scoreAssessment(a, benchmark));
    }
    // What only the schema finds is not looked for again: an id off its pattern is scored.
    const offPattern = assessment(answers, { id: "Not An Id" });
    expect(scoreAssessment(offPattern, benchmark).ok).toBe(false);
    expect(validated.score(offPattern).ok).toBe(true);
  });
});
