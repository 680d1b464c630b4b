import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { loadContributedDocuments } from "./content";

const documents = loadContributedDocuments().map((entry) => entry.document as unknown as CohesionDocument);

interface KeyFactorData {
  id: string;
  practiceRefs?: string[];
  recommendedActions?: { id: string; practiceRefs?: string[] }[];
}
const benchmark = documents.find((document) => document.kind === "benchmark") as unknown as {
  id: string;
  sections: { keyFactors: KeyFactorData[] }[];
};
const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);
const practices = documents.filter((document) => document.kind === "practice") as unknown as {
  id: string;
  placeRef?: string;
  keyFactors?: string[];
}[];

describe("OECD content integrity", () => {
  it("reports nothing over all contributed documents and the built-in scales", () => {
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("reports a practice whose key factor does not exist, so the check above is not vacuous", () => {
    const broken = documents.map((document) =>
      document.kind === "practice" && document.id === "oecd.vienna-start-wien"
        ? ({ ...document, keyFactors: ["oecd.time-and-space#objective-6"] } as unknown as CohesionDocument)
        : document,
    );
    const report = checkIntegrity([...broken, ...BUILTIN_SCALES]);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.params["documentId"] === "oecd.vienna-start-wien")).toBe(true);
  });

  it("links every practice to a key factor of the benchmark and back", () => {
    for (const practice of practices) {
      const refs = practice.keyFactors ?? [];
      expect(refs.length, practice.id).toBeGreaterThan(0);
      for (const ref of refs) {
        const keyFactor = keyFactors.find((candidate) => `${benchmark.id}#${candidate.id}` === ref);
        expect(keyFactor, ref).toBeDefined();
        expect(keyFactor?.practiceRefs ?? [], ref).toContain(practice.id);
      }
    }
  });

  it("lists each practice under exactly one tool, except the strategy cited in the observations", () => {
    const underTools = keyFactors.flatMap((keyFactor) => (keyFactor.recommendedActions ?? []).flatMap((action) => action.practiceRefs ?? []));
    expect(new Set(underTools).size).toBe(underTools.length);
    const outside = practices.map((practice) => practice.id).filter((id) => !underTools.includes(id));
    expect(outside).toEqual(["oecd.gothenburg-sustainability-strategy"]);
  });

  it("gives every practice in a named city a place document", () => {
    const placeIds = new Set(documents.filter((document) => document.kind === "place").map((document) => document.id));
    for (const practice of practices) if (practice.placeRef !== undefined) expect(placeIds.has(practice.placeRef), practice.id).toBe(true);
  });
});
