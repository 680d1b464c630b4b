import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ASSESSMENT, allGuideQuestions, loadContributedDocuments, readJson } from "./content";
import type { GuideQuestionData } from "./content";

const documents = loadContributedDocuments().map((entry) => entry.document as unknown as CohesionDocument);
const assessment = readJson(EXAMPLE_ASSESSMENT) as {
  id: string;
  benchmark: { id: string; version: string };
  subject: { ref: string };
  method: string;
  illustrative: boolean;
  notes: string;
  answers: Record<string, { level: string; evidence?: string }>;
  targets: { keyFactors: Record<string, number> };
};
const benchmark = documents.find((document) => document.kind === "benchmark") as unknown as {
  id: string;
  version: string;
  sections: { keyFactors: { id: string; guideQuestions: GuideQuestionData[] }[] }[];
};
const levels = new Set(["none", "planned", "partial", "substantial", "full", "n/a"]);

describe("example assessment of Gothenburg against Block 2", () => {
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

  it("is flagged as illustrative and says the chapter gives no ratings", () => {
    expect(assessment.benchmark).toEqual({ id: benchmark.id, version: benchmark.version });
    expect(assessment.subject.ref).toBe("oecd.gothenburg");
    expect(assessment.illustrative).toBe(true);
    expect(assessment.notes).toMatch(/no ratings/);
  });

  it("answers every guide question, sub-questions included, on the maturity scale, each with evidence", () => {
    const questionIds = allGuideQuestions(benchmark).map((question) => question.id);
    expect(Object.keys(assessment.answers).sort()).toEqual([...questionIds].sort());
    for (const [id, answer] of Object.entries(assessment.answers)) {
      expect(levels.has(answer.level), id).toBe(true);
      expect(answer.evidence ?? "", id).toMatch(/^Illustrative: .{20,}/);
    }
  });

  it("sets a target for each key factor", () => {
    const keyFactorIds = benchmark.sections.flatMap((section) => section.keyFactors.map((keyFactor) => keyFactor.id));
    expect(Object.keys(assessment.targets.keyFactors).sort()).toEqual([...keyFactorIds].sort());
  });

  it("is reported when it answers a question the benchmark does not have or uses a level the scale lacks", () => {
    const stray = { ...assessment, answers: { ...assessment.answers, "no-such-question": { level: "full" } } };
    expect(checkIntegrity([...documents, ...BUILTIN_SCALES, stray as unknown as CohesionDocument]).valid).toBe(false);
    const badLevel = { ...assessment, answers: { ...assessment.answers, "segregation-mapped": { level: "excellent" } } };
    expect(checkIntegrity([...documents, ...BUILTIN_SCALES, badLevel as unknown as CohesionDocument]).valid).toBe(false);
  });
});
