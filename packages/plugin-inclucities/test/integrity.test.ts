import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { loadContributedDocuments } from "./content";

const documents = loadContributedDocuments().map((entry) => entry.document as unknown as CohesionDocument);

describe("IncluCities content integrity", () => {
  it("reports nothing over all contributed documents and the built-in scales", () => {
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("reports a practice whose key factor does not exist, so the check above is not vacuous", () => {
    const broken = documents.map((document) =>
      document.kind === "practice" && document.id === "inclucities.mechelen-samen-inburgeren"
        ? ({ ...document, keyFactors: ["inclucities.city-for-all#no-such-key-factor"] } as unknown as CohesionDocument)
        : document,
    );
    const report = checkIntegrity([...broken, ...BUILTIN_SCALES]);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.params["documentId"] === "inclucities.mechelen-samen-inburgeren")).toBe(true);
  });

  it("links every practice to a key factor of the benchmark and back", () => {
    const benchmark = documents.find((document) => document.kind === "benchmark") as unknown as {
      id: string;
      sections: { keyFactors: { id: string; practiceRefs?: string[] }[] }[];
    };
    const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);
    for (const practice of documents) {
      if (practice.kind !== "practice") continue;
      const refs = practice.keyFactors ?? [];
      expect(refs.length, practice.id).toBeGreaterThan(0);
      for (const ref of refs) {
        const keyFactor = keyFactors.find((candidate) => `${benchmark.id}#${candidate.id}` === ref);
        expect(keyFactor, ref).toBeDefined();
        expect(keyFactor?.practiceRefs ?? [], ref).toContain(practice.id);
      }
    }
  });
});
