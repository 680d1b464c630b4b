// The precompiled validators guard their own depth where a schema lets data nest without bound (a $ref
// loop, a value no schema constrains) and skip the depth walk where it cannot: whatever the route, a
// document too deep is reported as `too_deep` alone, and one within bounds gets the same report as a
// validator compiled at run time from the full schema, which walks the depth first.
import { describe, expect, it } from "vitest";
import { MAX_DEPTH } from "./depth";
import { createValidator } from "./runtime";
import { schemas } from "./schemas";
import { readExamples, validExamplesDir } from "./test-support";
import { validateAs } from "./validate";
import type { DocumentKind } from "./kinds";

const examples = new Map(readExamples(validExamplesDir).map((e) => [e.file, e.document as Record<string, unknown>]));
const example = (file: string) => structuredClone(examples.get(file)) as Record<string, any>;

/** A guide question with sub-questions nested `levels` deep (two JSON levels each: an array and an object). */
function questions(levels: number): Record<string, unknown> {
  let question: Record<string, unknown> = { id: "q", text: "Deepest question." };
  for (let i = 0; i < levels; i++) question = { id: `q${i}`, text: "A question.", subQuestions: [question] };
  return question;
}

/** Arrays nested `levels` deep. */
function arrays(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

function sameAsRunTime(kind: DocumentKind, document: unknown) {
  const report = validateAs(kind, document);
  expect(report).toEqual(createValidator(schemas[kind])(document));
  return report;
}

describe("documents near and beyond the depth limit", () => {
  // benchmark → sections[0] → keyFactors[0] → guideQuestions[0]: the question object is at depth 6.
  it.each([40, 44, 45, 46, 47, 60])("a benchmark with sub-questions %i levels deep", (levels) => {
    const benchmark = example("benchmark.json");
    benchmark.sections[0].keyFactors[0].guideQuestions[0] = questions(levels);
    const report = sameAsRunTime("benchmark", benchmark);
    const depth = 7 + 2 * levels;
    if (depth <= MAX_DEPTH) expect(report).toEqual({ valid: true, errors: [] });
    else expect(report.errors.map((p) => p.code)).toEqual(["too_deep"]);
  });

  it("a benchmark nested deep and wrong at the bottom reports the mistake, not the depth", () => {
    const benchmark = example("benchmark.json");
    const deepest = questions(45);
    let question = deepest;
    while (Array.isArray(question.subQuestions)) question = question.subQuestions[0] as Record<string, unknown>;
    question.text = 7;
    benchmark.sections[0].keyFactors[0].guideQuestions[0] = deepest;
    const report = sameAsRunTime("benchmark", benchmark);
    expect(report.errors.map((p) => p.code)).toEqual(["invalid_type"]);
  });

  it.each([60, 10_000])("a benchmark %i sub-questions deep with a mistake near the top is too deep, and only that", (levels) => {
    const benchmark = example("benchmark.json");
    benchmark.sections[0].keyFactors[0].guideQuestions[0] = questions(levels);
    benchmark.sections[0].title = 7;
    benchmark.colour = "red";
    const report = sameAsRunTime("benchmark", benchmark);
    expect(report.errors.map((p) => p.code)).toEqual(["too_deep"]);
  });

  it("a score report whose parameters nest ten thousand levels, beside a mistake, is too deep", () => {
    const report = example("score-report.json");
    report.model.parameters = { deep: arrays(10_000) };
    report.colour = "red";
    expect(sameAsRunTime("score-report", report).errors.map((p) => p.code)).toEqual(["too_deep"]);
  });

  it.each([
    ["plugin-manifest", "plugin-manifest.json"],
    ["assessment", "assessment.json"],
    ["place", "place.json"],
    ["scheme", "scheme-mentoring.json"],
  ] as const)("a %s with an unknown field or a field of the wrong type holding deep arrays", (kind, file) => {
    for (const levels of [MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 5]) {
      const unknown = { ...example(file), deepUnknown: arrays(levels) };
      const wrongType = { ...example(file), id: arrays(levels) };
      for (const document of [unknown, wrongType]) {
        const report = sameAsRunTime(kind, document);
        expect(report.valid).toBe(false);
        expect(report.errors.some((p) => p.code === "too_deep")).toBe(levels >= MAX_DEPTH);
      }
    }
  });

  // Only the unchecked value is walked, from the depth it lies at: the limit counts from the document's root.
  it.each([MAX_DEPTH - 5, MAX_DEPTH - 4, MAX_DEPTH - 3, MAX_DEPTH - 2, MAX_DEPTH])("an assessment answer with an unknown field or a level of the wrong type holding arrays %i levels deep", (levels) => {
    for (const field of ["deepUnknown", "level"]) {
      const assessment = example("assessment.json");
      const [question] = Object.keys(assessment.answers);
      // answers (1) → the answer (2) → the field's value (3, the outermost array).
      assessment.answers[question as string][field] = arrays(levels);
      const report = sameAsRunTime("assessment", assessment);
      expect(report.valid).toBe(false);
      if (levels + 2 >= MAX_DEPTH) expect(report.errors.map((p) => p.code)).toEqual(["too_deep"]);
      else expect(report.errors.some((p) => p.code === "too_deep")).toBe(false);
    }
  });

  it.each([MAX_DEPTH - 4, MAX_DEPTH - 3, MAX_DEPTH - 2, MAX_DEPTH + 10])("a score report whose model parameters nest %i levels", (levels) => {
    const report = example("score-report.json");
    report.model.parameters = { deep: arrays(levels) };
    const result = sameAsRunTime("score-report", report);
    // model (1) → parameters (2) → deep (3, the outermost array).
    if (levels + 2 < MAX_DEPTH) expect(result.valid).toBe(true);
    else expect(result.errors.map((p) => p.code)).toEqual(["too_deep"]);
  });
});
