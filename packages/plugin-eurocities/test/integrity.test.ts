import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { documentId, loadContributedDocuments, theBenchmark } from "./content";

const entries = loadContributedDocuments();
const documents = entries.map((entry) => entry.document as unknown as CohesionDocument);
const benchmark = theBenchmark(entries);

describe("EUROCITIES content integrity", () => {
  it("reports nothing over all contributed documents and the built-in scales", () => {
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("reports a practice that points at a key factor the benchmark lacks", () => {
    const broken = documents.map((document) =>
      documentId(document) === "eurocities.rotterdam-opzoomeren"
        ? ({ ...document, keyFactors: ["eurocities.neighbourhood-participation#no-such-key-factor"] } as unknown as CohesionDocument)
        : document,
    );
    const report = checkIntegrity([...broken, ...BUILTIN_SCALES]);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.params["documentId"] === "eurocities.rotterdam-opzoomeren")).toBe(true);
  });

  it("reports a scheme whose place is missing", () => {
    const withoutMalmo = documents.filter((document) => documentId(document) !== "eurocities.malmo");
    const report = checkIntegrity([...withoutMalmo, ...BUILTIN_SCALES]);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.params["documentId"] === "eurocities.malmo-south-all-activities-centres")).toBe(true);
  });

  it("links every practice to key factors that list it back, and every listed practice exists", () => {
    const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);
    const practices = entries.filter((entry) => entry.document["kind"] === "practice").map((entry) => entry.document as { id: string; keyFactors: string[] });
    for (const practice of practices) {
      expect(practice.keyFactors.length, practice.id).toBeGreaterThan(0);
      for (const ref of practice.keyFactors) {
        const keyFactor = keyFactors.find((candidate) => `${benchmark.id}#${candidate.id}` === ref);
        expect(keyFactor, ref).toBeDefined();
        expect(keyFactor?.practiceRefs, ref).toContain(practice.id);
      }
    }
    const practiceIds = new Set(practices.map((practice) => practice.id));
    for (const keyFactor of keyFactors) for (const ref of keyFactor.practiceRefs) expect(practiceIds.has(ref), ref).toBe(true);
  });
});
