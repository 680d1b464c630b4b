import { createHostCatalog } from "@cohesion/core";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { readJson } from "@cohesion/test-support/content-plugin-kit";
import { EXAMPLE_ASSESSMENT, inclucities } from "./plugin";

// The shared checks (plugin.test.ts) resolve the assessment in the catalog; these are IncluCities' own.
const catalog = createHostCatalog([...inclucities.documents, readJson(EXAMPLE_ASSESSMENT) as CohesionDocument]);

describe("IncluCities content in the catalog", () => {
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
