import { YES_PARTLY_NO_SCALE } from "@cohesion/model";
import { SCHEMA_VERSION, validateAs, type ScoreNode } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessment, benchmark, unevenScale } from "../../test/fixtures";
import { defineScoringModel } from "./model";
import { checkScoreReportOutput, withCheckedOutput } from "./checked-output";
import { scoreAssessment } from "./score";
import { createScorer } from "./scorer";
import { weightedMean, weightedMeanRules } from "./models/weighted-mean";
import { scoreThoroughly } from "./score-steps";

function codes(result: ReturnType<typeof scoreAssessment>): string[] {
  return result.ok ? [] : result.errors.errors.map((e) => e.code);
}

describe("scoreAssessment: bad input is a report, never a throw", () => {
  it("reports garbage for each document", () => {
    const result = scoreAssessment(42, "nope");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.valid).toBe(false);
    expect(result.errors.errors.map((e) => [e.code, e.params["document"]])).toEqual([
      ["not_an_object", "benchmark"],
      ["not_an_object", "assessment"],
    ]);
    expect(result.errors.errors[0]?.message).toContain("must be a JSON object");
  });

  it("reports schema problems with pointers into the document", () => {
    const result = scoreAssessment({ ...assessment({}), answers: { "q-a1": { level: 7 } } }, benchmark);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.errors.some((e) => e.pointer === "/answers/q-a1/level")).toBe(true);
  });

  it("refuses a benchmark other than the one the assessment answers", () => {
    const result = scoreAssessment(assessment({}, { benchmark: { id: "test.small", version: "2.0.0" } }), benchmark);
    expect(codes(result)).toEqual(["benchmark_mismatch"]);
    if (!result.ok) expect(result.errors.errors[0]?.message).toContain("test.small@2.0.0");
  });

  it("refuses an answer to a question the benchmark does not have", () => {
    const result = scoreAssessment(assessment({ "q-zz": "full" }), benchmark);
    expect(codes(result)).toEqual(["unknown_guide_question"]);
    if (!result.ok) expect(result.errors.errors[0]?.pointer).toBe("/answers/q-zz");
  });

  it("gives the same code, params and did-you-mean hint as the integrity check for the same fault", () => {
    const question = scoreAssessment(assessment({ "q-a9": "full" }), benchmark);
    if (!question.ok) expect(question.errors.errors[0]).toMatchObject({ code: "unknown_guide_question", params: { questionId: "q-a9", benchmarkId: "test.small", suggestion: expect.stringMatching(/^q-a\d$/) } });
    expect(question.ok).toBe(false);
    const level = scoreAssessment(assessment({ "q-a1": "ful" }), benchmark);
    if (!level.ok) {
      expect(level.errors.errors[0]).toMatchObject({ code: "unknown_level", params: { level: "ful", suggestion: "full" } });
      expect(level.errors.errors[0]?.message).toContain('Did you mean "full"?');
    }
    expect(level.ok).toBe(false);
  });

  it("refuses a level that is not on the scale and lists the levels that are", () => {
    const result = scoreAssessment(assessment({ "q-a1": "yes" }), benchmark);
    expect(codes(result)).toEqual(["unknown_level"]);
    if (!result.ok) {
      expect(result.errors.errors[0]?.pointer).toBe("/answers/q-a1/level");
      expect(result.errors.errors[0]?.message).toContain('"none", "planned", "partial", "substantial", "full"');
    }
  });

  it("refuses an unknown scale id", () => {
    const result = scoreAssessment(assessment({}, { scale: "test.missing" }), benchmark);
    expect(codes(result)).toEqual(["scale_not_found"]);
  });

  it("reports bad parameters at the parameter", () => {
    const result = scoreAssessment(assessment({}), benchmark, { parameters: { coverageThreshold: 2, bands: [{ id: "x", label: "X", min: 10 }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.errors.map((e) => [e.code, e.pointer])).toEqual([
      ["invalid_parameters", "/coverageThreshold"],
      ["invalid_parameters", "/bands/0/min"],
    ]);
  });

  it("refuses unknown parameters, so a typo is not silently ignored", () => {
    expect(codes(scoreAssessment(assessment({}), benchmark, { parameters: { coverageTreshold: 0.2 } }))).toEqual(["invalid_parameters"]);
  });

  it("refuses an unknown model id", () => {
    expect(codes(scoreAssessment(assessment({}), benchmark, { model: "acme.nothing" }))).toEqual(["unknown_model"]);
  });

  it("catches a model that throws, and checks a third-party model's output against the schema when asked to", () => {
    const throwing = defineScoringModel({
      id: "acme.broken",
      version: "1.0.0",
      title: "Broken",
      description: "Always fails.",
      parameters: z.strictObject({}),
      score: () => {
        throw new Error("division by zero");
      },
    });
    const result = scoreAssessment(assessment({}), benchmark, { model: throwing });
    expect(codes(result)).toEqual(["model_failed"]);
    // What it throws cannot even be turned into text: still model_failed, naming the model.
    const unspeakable = defineScoringModel({
      ...throwing,
      id: "acme.unspeakable",
      score: () => {
        throw { toString: () => { throw new Error("no"); } };
      },
    });
    const failed = scoreAssessment(assessment({}), benchmark, { model: unspeakable });
    expect(codes(failed)).toEqual(["model_failed"]);
    expect(failed.ok ? undefined : failed.errors.errors[0]?.message).toContain("acme.unspeakable");
    expect(failed.ok ? undefined : failed.errors.errors[0]?.params["detail"]).toBe("a value that cannot be shown");
    const sloppy = defineScoringModel({
      ...throwing,
      id: "acme.sloppy",
      score: (_a, _b, context) => {
        const report = context.report(context.buildTree({ useWeights: true, coverageThreshold: 0, parentAnswerWeight: 1, bands: [], combine: { question: "minimum", keyFactor: "minimum", section: "minimum", overall: "minimum" } }));
        return { ...report, overall: { ...report.overall, score: 140 } };
      },
    });
    const answered = assessment({ "q-a1": "full" });
    // Unchecked by default: the score-report validator stays out of bundles that do not ask for it.
    expect(scoreAssessment(answered, benchmark, { model: sloppy }).ok).toBe(true);
    // Opting in: the caller's check, or a model wrapped with its check (as the plugin host wraps plugin models).
    const byOption = scoreAssessment(answered, benchmark, { model: sloppy, checkReport: checkScoreReportOutput });
    const byWrapper = scoreAssessment(answered, benchmark, { model: withCheckedOutput(sloppy) });
    for (const result of [byOption, byWrapper]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors.errors[0]).toMatchObject({ code: "model_output_invalid", pointer: "/overall/score", params: { model: "acme.sloppy" } });
    }
    expect(byWrapper).toEqual(byOption);
    // By id among models, and through a scorer (full, compact and table paths).
    const wrapped = withCheckedOutput(sloppy);
    expect(codes(scoreAssessment(answered, benchmark, { model: "acme.sloppy", models: [wrapped] }))).toContain("model_output_invalid");
    const scorer = createScorer(benchmark, { model: wrapped });
    expect(scorer.ok).toBe(true);
    if (!scorer.ok) return;
    expect(codes(scorer.report.score(answered))).toContain("model_output_invalid");
    const table = scorer.report.scoreAll([answered]);
    expect(table.ok && table.report.errors.get(0)?.errors.map((e) => e.code)).toContain("model_output_invalid");
    // A built-in model is never checked at run time, a wrapped one keeps its fields and is a new object.
    expect(wrapped).not.toBe(sloppy);
    expect({ id: wrapped.id, version: wrapped.version, title: wrapped.title, score: wrapped.score }).toEqual({ id: sloppy.id, version: sloppy.version, title: sloppy.title, score: sloppy.score });
    expect(scoreAssessment(answered, benchmark, { checkReport: () => ({ valid: false, errors: [] }) }).ok).toBe(true);
  });
});

describe("a model's context", () => {
  it("builds the tree of its own assessment, even when called after the model returned and others were scored", () => {
    const kept: { buildTree?: () => ScoreNode } = {};
    // The built-in weighted mean, keeping its context for later.
    const stashing = defineScoringModel({
      ...weightedMean,
      id: "acme.stashing",
      score: (_a, _b, context) => {
        const rules = weightedMeanRules(context.parameters);
        kept.buildTree = () => context.buildTree(rules);
        return context.report(context.buildTree(rules));
      },
    });
    const plain = assessment({ "q-a1": "full", "q-a2": "partial" });
    // A deprecated field sends the assessment the thorough way (its warning is reported).
    const deprecated = assessment({ "q-a1": "full", "q-a2": "partial" });
    (deprecated.answers["q-a1"] as Record<string, unknown>)["evidence"] = "Minutes of the council.";
    for (const a of [plain, deprecated]) {
      const scored = scoreAssessment(a, benchmark, { model: stashing });
      if (!scored.ok) throw new Error(JSON.stringify(scored.errors));
      const late = kept.buildTree;
      // Other assessments scored since, on the quick path, whose arrays the first one was read into.
      for (const level of ["none", "planned"]) scoreAssessment(assessment({ "q-a1": level, "q-a2": level }), benchmark, { model: stashing });
      expect(JSON.stringify(late?.())).toBe(JSON.stringify(scored.report.overall));
    }
  });
});

describe("scoreAssessment: what it keeps between calls", () => {
  it("reads plain options afresh on every call, and gives the thorough path's report each time", () => {
    const options: { explain?: boolean; detail?: "questions" | "key-factors"; model?: string } = {};
    const a = assessment({ "q-a1": "full", "q-a2": "partial", "q-b1": "planned" });
    const steps: (() => void)[] = [
      () => (options.explain = false),
      () => (options.detail = "key-factors"),
      () => (options.model = "cohesion.threshold"),
      () => (options.explain = true),
    ];
    for (const step of [() => undefined, ...steps]) {
      step();
      const result = scoreAssessment(a, benchmark, options);
      expect(JSON.stringify(result)).toBe(JSON.stringify(scoreThoroughly(a, benchmark, { ...options })));
      if (!result.ok) throw new Error("not scored");
      expect(result.report.model.id).toBe(options.model ?? "cohesion.weighted-mean");
      expect(result.report.overall.trace === undefined).toBe(options.explain === false);
    }
    // Reports of plain options share their model parameters, frozen: one report cannot change the next.
    const first = scoreAssessment(a, benchmark, options);
    const second = scoreAssessment(a, benchmark, options);
    if (!first.ok || !second.ok) throw new Error("not scored");
    expect(Object.isFrozen(first.report.model.parameters)).toBe(true);
    expect(() => Object.assign(first.report.model.parameters as object, { threshold: 99 })).toThrow(TypeError);
    const thorough = scoreThoroughly(a, benchmark, { ...options });
    expect(second.report.model.parameters).toEqual(thorough.ok ? thorough.report.model.parameters : undefined);
    // Another benchmark object, even an equal one, is checked and prepared on its own.
    const broken = { ...benchmark, sections: [] };
    expect(scoreAssessment(a, broken, options).ok).toBe(false);
    expect(scoreAssessment(a, structuredClone(benchmark), options).ok).toBe(true);
  });
});

describe("scoreAssessment: scales and options", () => {
  it("reads answers on the scale the assessment names", () => {
    const result = scoreAssessment(assessment({ "q-a1": "mid" }, { scale: "test.uneven" }), benchmark, { scales: [unevenScale] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report.overall.children?.[0]?.children?.[0]?.children?.[0]?.score).toBe(25);
  });

  it("uses a scale passed directly", () => {
    const result = scoreAssessment(assessment({ "q-a1": "partly", "q-a2": "yes" }), benchmark, { scale: YES_PARTLY_NO_SCALE });
    expect(result.ok).toBe(true);
    // kf-a = (1·50 + 3·100) / 4 = 87.5
    if (result.ok) expect(result.report.overall.children?.[0]?.children?.[0]?.score).toBe(87.5);
  });

  it("leaves traces out on request, and the report still validates", () => {
    const result = scoreAssessment(assessment({ "q-a1": "full" }), benchmark, { explain: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.report)).not.toContain('"trace"');
    expect(validateAs("score-report", result.report).valid).toBe(true);
  });

  it("leaves question nodes out at key-factor detail, scoring the same", () => {
    const answers = { "q-a1": "full", "q-a2": "partial", "q-c1": "partial" };
    const full = scoreAssessment(assessment(answers), benchmark);
    const compact = scoreAssessment(assessment(answers), benchmark, { detail: "key-factors" });
    if (!full.ok || !compact.ok) throw new Error("not scored");
    const kfA = compact.report.overall.children?.[0]?.children?.[0];
    expect(kfA?.children).toBeUndefined();
    expect(kfA?.score).toBe(full.report.overall.children?.[0]?.children?.[0]?.score);
    expect(kfA?.trace?.map((t) => t.ref)).toEqual(["q-a1", "q-a2"]);
    expect(compact.report.overall.score).toBe(full.report.overall.score);
    expect(validateAs("score-report", compact.report).valid).toBe(true);
  });

  it("names the subject, its place and country for peers and mentors, and notes an illustrative assessment", () => {
    const result = scoreAssessment(assessment({ "q-a1": "full" }, { illustrative: true }), benchmark);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.assessment).toEqual({
      id: "test.assessment-one",
      subject: "Testville",
      subjectType: "place",
      subjectRef: "test.testville",
      country: "DE",
      assessedOn: "2026-01-15",
      scale: "cohesion.maturity",
      illustrative: true,
    });
    expect(result.warnings.map((w) => w.code)).toEqual(["illustrative_assessment"]);
  });

  it("marks a key factor without answers as unanswered and says so", () => {
    const result = scoreAssessment(assessment({ "q-a1": "full", "q-a2": "full" }), benchmark);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const kfC = result.report.overall.children?.[1]?.children?.[0];
    expect(kfC?.status).toBe("unanswered");
    expect(kfC?.coverage).toBe(0);
    expect(result.report.messages?.map((m) => m.code)).toContain("key_factor_unanswered");
  });

  it("marks a key factor answered n/a throughout as not applicable and leaves it out of its section", () => {
    const result = scoreAssessment(assessment({ "q-a1": "full", "q-c1": "n/a", "q-c2": "n/a", "q-c3": "n/a" }), benchmark, { parameters: { coverageThreshold: 0 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.overall.children?.[1]?.status).toBe("not-applicable");
    // Only s1 counts: kf-a = 100 (q-a2 unanswered), kf-b unanswered → s1 = 100 → overall 100.
    expect(result.report.overall.score).toBe(100);
  });
});

describe("scoreAssessment: garbage options", () => {
  it("reports a model of the wrong shape instead of calling it", () => {
    const result = scoreAssessment(assessment({}), benchmark, { model: { id: "acme.x" } as never });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.errors.map((e) => e.pointer)).toContain("/model/score");
  });

  it("ignores scale lists and option objects that are not what they should be", () => {
    expect(scoreAssessment(assessment({ "q-a1": "full" }), benchmark, { scales: 5 as never }).ok).toBe(true);
    expect(scoreAssessment(assessment({ "q-a1": "full" }), benchmark, null as never).ok).toBe(true);
  });
});

describe("scoreAssessment: schema version", () => {
  it("writes reports for the newest schema version the schema package knows", () => {
    const result = scoreAssessment(assessment({ "q-a1": "full" }), benchmark);
    expect(result.ok && result.report.schemaVersion).toBe(SCHEMA_VERSION);
  });
});

describe("scoreAssessment: warnings", () => {
  it("passes on the validator's warnings with the report", () => {
    const a = assessment({ "q-a1": "full" }, { schemaVersion: "1.1" });
    a.answers["q-a1"] = { level: "full", evidence: "Council minutes of March." };
    const result = scoreAssessment(a, benchmark);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map((w) => [w.code, w.pointer])).toContainEqual(["deprecated_field", "/answers/q-a1/evidence"]);
  });
});

describe("scoreAssessment: long titles", () => {
  it("cuts a title over 500 UTF-16 code units to 499 and an ellipsis, never between the halves of a character", () => {
    const long = structuredClone(benchmark);
    const keyFactor = long.sections[0]?.keyFactors[0];
    const [first, second] = keyFactor?.guideQuestions ?? [];
    if (!keyFactor || !first || !second) throw new Error("fixture changed");
    // 260 characters of two code units each: a valid title (at most 500 characters) of 520 units.
    keyFactor.title = "🏙".repeat(260);
    // Unit 499, the last one kept, would be the first half of the "🏙".
    first.text = `${"a".repeat(498)}🏙${"b".repeat(100)}`;
    second.text = "c".repeat(700);
    const result = scoreAssessment(assessment({ "q-a1": "full", "q-a2": "partial" }), long);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.errors));
    const keyFactorNode = result.report.overall.children?.[0]?.children?.[0];
    const [firstNode, secondNode] = keyFactorNode?.children ?? [];
    // Units 498 and 499 are one character: the title keeps 249 of them (498 units) and "…".
    expect(keyFactorNode?.title).toBe(`${"🏙".repeat(249)}…`);
    expect(firstNode?.title).toBe(`${"a".repeat(498)}…`);
    // 499 + "…" = 500 units.
    expect(secondNode?.title).toBe(`${"c".repeat(499)}…`);
    expect(checkScoreReportOutput(result.report).valid).toBe(true);
  });
});
