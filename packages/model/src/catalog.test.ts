import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { fixtures } from "@cohesion/test-support";

const documents = Object.values(fixtures.VALID_DOCUMENTS) as unknown as CohesionDocument[];

describe("createCatalog", () => {
  const catalog = createCatalog(documents);

  it("finds a benchmark's latest version by semver, not string order, and any version asked for", () => {
    const v9 = { ...fixtures.benchmark, version: "1.9.0" };
    const withNine = createCatalog([...documents, v9] as CohesionDocument[]);
    expect(withNine.benchmark("test.participation")?.version).toBe("1.10.0");
    expect(withNine.benchmark("test.participation", "1.9.0")).toBe(v9);
    expect(withNine.benchmarkVersions("test.participation").map((b) => b.version)).toEqual(["1.0.0", "1.9.0", "1.10.0"]);
    expect(withNine.benchmark("test.participation", "3.0.0")).toBeUndefined();
    expect(withNine.benchmark("test.nothing")).toBeUndefined();
  });

  it("lists benchmarks grouped by id, versions ascending", () => {
    expect(catalog.benchmarks().map((b) => `${b.id}@${b.version}`)).toEqual(["test.participation@1.0.0", "test.participation@1.10.0"]);
  });

  it("resolves key factor references in the latest or a given version", () => {
    const latest = catalog.keyFactor("test.participation#exchange");
    expect(latest?.keyFactor.title).toBe("Exchange");
    expect(latest?.section.id).toBe("learning");
    expect(latest?.benchmark.version).toBe("1.10.0");
    expect(catalog.keyFactor("test.participation#exchange", "1.0.0")).toBeUndefined();
    expect(catalog.keyFactor("test.participation#stakeholders", "1.0.0")?.ref).toBe("test.participation#stakeholders");
    expect(catalog.keyFactor("not a ref")).toBeUndefined();
  });

  it("finds practices that link to a key factor or that the key factor cites", () => {
    expect(catalog.practicesFor("test.participation#stakeholders").map((p) => p.id)).toEqual(["test.market-hall"]);
    // Evaluation does not appear in the practice's keyFactors, but its action cites the practice.
    expect(catalog.practicesFor("test.participation#evaluation").map((p) => p.id)).toEqual(["test.market-hall"]);
    expect(catalog.practicesFor("test.participation#resources")).toEqual([]);
  });

  it("includes the built-in scales, and the documents' own", () => {
    expect(catalog.scale("cohesion.maturity")?.levels).toHaveLength(5);
    expect(catalog.scale("cohesion.yes-partly-no")?.levels).toHaveLength(3);
    expect(catalog.scale("test.ladder")?.title).toBe("Test ladder");
    expect(catalog.scales().map((scale) => scale.id)).toEqual(["cohesion.maturity", "cohesion.yes-partly-no", "test.ladder"]);
    expect(createCatalog([]).scale("cohesion.maturity")).toBeDefined();
  });

  it("looks up places, schemes, practices, frameworks and assessments by id", () => {
    expect(catalog.place("test.aarhus")?.name).toBe("Aarhus");
    expect(catalog.places()).toHaveLength(1);
    expect(catalog.scheme("test.mentoring")?.schemeKind).toBe("mentoring");
    expect(catalog.schemes().map((scheme) => scheme.id)).toEqual(["test.gellerup-panel", "test.mentoring", "test.plan"]);
    expect(catalog.practice("test.market-hall")?.city).toBe("Aarhus");
    expect(catalog.practices()).toHaveLength(1);
    expect(catalog.framework("test.domains")?.items).toHaveLength(3);
    expect(catalog.frameworks()).toHaveLength(1);
    expect(catalog.assessment("test.aarhus-2014")?.method).toBe("self");
    expect(catalog.assessments()).toHaveLength(1);
    expect(catalog.place("test.nowhere")).toBeUndefined();
  });

  it("keeps the first of two documents with one id", () => {
    const second = { ...fixtures.place, name: "Second" };
    expect(createCatalog([fixtures.place, second] as CohesionDocument[]).place("test.aarhus")?.name).toBe("Aarhus");
  });
});
