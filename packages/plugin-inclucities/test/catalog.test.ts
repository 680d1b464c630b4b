import { createCatalog, parseDocument } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ASSESSMENT, loadContributedDocuments, readJson } from "./content";

const entries = loadContributedDocuments();
const assessment = readJson(EXAMPLE_ASSESSMENT);

describe("IncluCities content through the model", () => {
  it.each(entries.map((entry) => [`${entry.file}${entry.index === undefined ? "" : `[${entry.index}]`}`, entry.document] as const))(
    "%s parses with the zod parser too",
    (_label, document) => {
      const result = parseDocument(document);
      expect(result.report.errors).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );

  const catalog = createCatalog([
    ...entries.map((entry) => entry.document as unknown as CohesionDocument),
    assessment as CohesionDocument,
  ]);

  it("resolves the assessment's benchmark version, subject and scale", () => {
    const loaded = catalog.assessment("inclucities.capaci-city-for-all");
    expect(loaded).toBeDefined();
    expect(catalog.benchmark(loaded?.benchmark.id ?? "", loaded?.benchmark.version)?.version).toBe("1.0.0");
    expect(catalog.place(loaded?.subject.ref ?? "")?.name).toBe("Capaci");
    expect(catalog.scale(loaded?.scale ?? "")?.id).toBe("cohesion.maturity");
  });

  it("finds the Mechelen practices for each key factor", () => {
    const practiceCounts = ["engaging-citizens", "active-partners", "internal-skills", "networking-accessibility", "imaging"].map(
      (id) => catalog.practicesFor(`inclucities.city-for-all#${id}`).length,
    );
    expect(practiceCounts).toEqual([1, 1, 2, 1, 1]);
  });

  it("resolves the mentoring scheme's cities and benchmark", () => {
    const scheme = catalog.scheme("inclucities.mechelen-capaci-city-for-all");
    expect(scheme?.schemeKind).toBe("mentoring");
    if (scheme?.schemeKind !== "mentoring") return;
    expect(catalog.place(scheme.mentor.placeRef ?? "")?.name).toBe("Mechelen");
    expect(scheme.mentees.map((mentee) => catalog.place(mentee.placeRef ?? "")?.name)).toEqual(["Capaci"]);
    expect(catalog.benchmark(scheme.benchmark?.id ?? "")?.id).toBe("inclucities.city-for-all");
  });
});
