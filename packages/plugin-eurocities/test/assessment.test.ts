import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ASSESSMENTS, allGuideQuestions, loadContributedDocuments, readJson, theBenchmark } from "./content";

interface AssessmentData {
  id: string;
  benchmark: { id: string; version: string };
  subject: { type: string; ref: string };
  scale: string;
  illustrative: boolean;
  notes: string;
  answers: Record<string, { level: string; evidence?: string }>;
  contextFactors: Record<string, { influence: string }>;
  targets: { overall?: number; keyFactors: Record<string, number> };
}

const entries = loadContributedDocuments();
const documents = entries.map((entry) => entry.document as unknown as CohesionDocument);
const benchmark = theBenchmark(entries);
const questionIds = allGuideQuestions(benchmark).map((question) => question.id);
const keyFactorIds = benchmark.sections.flatMap((section) => section.keyFactors.map((keyFactor) => keyFactor.id));

const cases = [
  { name: "Athens (Kypseli focus)", file: EXAMPLE_ASSESSMENTS.athens, subject: { type: "place", ref: "eurocities.athens" } },
  {
    name: "Malmö's All Activities Centres",
    file: EXAMPLE_ASSESSMENTS.malmo,
    subject: { type: "scheme", ref: "eurocities.malmo-south-all-activities-centres" },
  },
] as const;

describe.each(cases)("example assessment of $name", ({ file, subject }) => {
  const assessment = readJson(file) as AssessmentData;

  it("passes schema validation", () => {
    const report = validate(assessment);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("resolves against the plugin's content with nothing reported", () => {
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES, assessment as unknown as CohesionDocument]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("answers version 1.0.0 of the benchmark for a subject the plugin ships, and says it is illustrative", () => {
    expect(assessment.benchmark).toEqual({ id: benchmark.id, version: benchmark.version });
    expect(assessment.subject).toMatchObject(subject);
    const kinds = { place: "place", scheme: "scheme" } as const;
    const target = entries.find((entry) => entry.document["id"] === subject.ref);
    expect(target?.document["kind"]).toBe(kinds[subject.type]);
    expect(assessment.illustrative).toBe(true);
    expect(assessment.notes).toMatch(/give no ratings/);
  });

  it("answers every guide question, some as not applicable, each with evidence", () => {
    expect(Object.keys(assessment.answers).sort()).toEqual([...questionIds].sort());
    const levels = Object.values(assessment.answers).map((answer) => answer.level);
    expect(levels).toContain("n/a");
    for (const [id, answer] of Object.entries(assessment.answers)) expect(answer.evidence?.length ?? 0, id).toBeGreaterThan(20);
  });

  it("marks every context factor and sets targets only for key factors the benchmark has", () => {
    expect(Object.keys(assessment.contextFactors).sort()).toEqual(benchmark.contextFactors.map((factor) => factor.id).sort());
    expect(Object.keys(assessment.targets.keyFactors).length).toBeGreaterThan(0);
    for (const id of Object.keys(assessment.targets.keyFactors)) expect(keyFactorIds).toContain(id);
  });

  it("is reported when it answers a question the benchmark does not have", () => {
    const stray = { ...assessment, answers: { ...assessment.answers, "no-such-question": { level: "full" } } };
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES, stray as unknown as CohesionDocument]);
    expect(report.valid).toBe(false);
    expect(report.errors.map((problem) => problem.code)).toContain("unknown_guide_question");
  });

  it("is reported when it uses a level the maturity scale lacks", () => {
    const [first] = questionIds;
    const wrong = { ...assessment, answers: { ...assessment.answers, [String(first)]: { level: "excellent" } } };
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES, wrong as unknown as CohesionDocument]);
    expect(report.valid).toBe(false);
    expect(report.errors.map((problem) => problem.code)).toContain("unknown_level");
  });
});
