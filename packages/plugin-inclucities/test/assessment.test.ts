import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ASSESSMENT, allGuideQuestions, loadContributedDocuments, readJson } from "./content";
import type { GuideQuestionData } from "./content";

const documents = loadContributedDocuments().map((entry) => entry.document as unknown as CohesionDocument);
const assessment = readJson(EXAMPLE_ASSESSMENT) as {
  kind: string;
  benchmark: { id: string; version: string };
  subject: { ref: string };
  method: string;
  illustrative: boolean;
  notes: string;
  answers: Record<string, { level: string; evidence?: string }>;
  contextFactors: Record<string, { influence: string }>;
  targets: { keyFactors: Record<string, number> };
};
const benchmark = documents.find((document) => document.kind === "benchmark") as unknown as {
  id: string;
  version: string;
  sections: { keyFactors: { id: string; guideQuestions: GuideQuestionData[] }[] }[];
  contextFactors: { id: string }[];
};

describe("example assessment of Capaci against the 'city for all' benchmark", () => {
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

  it("is a mentor assessment of Capaci on benchmark version 1.0.0, flagged as illustrative", () => {
    expect(assessment.benchmark).toEqual({ id: benchmark.id, version: benchmark.version });
    expect(assessment.subject.ref).toBe("inclucities.capaci");
    expect(assessment.method).toBe("mentor");
    expect(assessment.illustrative).toBe(true);
    expect(assessment.notes).toMatch(/no ratings/);
  });

  it("answers every guide question, some as not applicable, each with evidence", () => {
    const questionIds = allGuideQuestions(benchmark).map((question) => question.id);
    expect(Object.keys(assessment.answers).sort()).toEqual([...questionIds].sort());
    const levels = Object.values(assessment.answers).map((answer) => answer.level);
    expect(levels).toContain("n/a");
    for (const answer of Object.values(assessment.answers)) expect(answer.evidence?.length ?? 0).toBeGreaterThan(20);
  });

  it("marks every context factor and sets a target for every key factor", () => {
    expect(Object.keys(assessment.contextFactors).sort()).toEqual(benchmark.contextFactors.map((factor) => factor.id).sort());
    const keyFactorIds = benchmark.sections.flatMap((section) => section.keyFactors.map((keyFactor) => keyFactor.id));
    expect(Object.keys(assessment.targets.keyFactors).sort()).toEqual([...keyFactorIds].sort());
  });

  it("is reported when it answers a question the benchmark does not have", () => {
    const stray = { ...assessment, answers: { ...assessment.answers, "no-such-question": { level: "full" } } };
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES, stray as unknown as CohesionDocument]);
    expect(report.valid).toBe(false);
  });
});
