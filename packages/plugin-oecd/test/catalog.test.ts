import { createCatalog, parseDocument } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { EXAMPLE_ASSESSMENT, loadContributedDocuments, readJson } from "./content";

const entries = loadContributedDocuments();
const assessment = readJson(EXAMPLE_ASSESSMENT);

describe("OECD content through the model", () => {
  it.each(entries.map((entry) => [`${entry.file}${entry.index === undefined ? "" : `[${entry.index}]`}`, entry.document] as const))(
    "%s parses with the zod parser too",
    (_label, document) => {
      const result = parseDocument(document);
      expect(result.report.errors).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );

  const catalog = createCatalog([...entries.map((entry) => entry.document as unknown as CohesionDocument), assessment as CohesionDocument]);

  it("resolves the assessment's benchmark version, subject and scale", () => {
    const loaded = catalog.assessment("oecd.gothenburg-time-and-space");
    expect(loaded).toBeDefined();
    expect(catalog.benchmark(loaded?.benchmark.id ?? "", loaded?.benchmark.version)?.version).toBe("1.0.0");
    expect(catalog.place(loaded?.subject.ref ?? "")?.name).toBe("Gothenburg");
    expect(catalog.scale(loaded?.scale ?? "")?.id).toBe("cohesion.maturity");
  });

  it("finds the practices for each objective", () => {
    expect(catalog.practicesFor("oecd.time-and-space#objective-4")).toHaveLength(16);
    expect(catalog.practicesFor("oecd.time-and-space#objective-5")).toHaveLength(15);
    expect(catalog.keyFactor("oecd.time-and-space#objective-5")).toBeDefined();
    expect(catalog.keyFactor("oecd.time-and-space#objective-6")).toBeUndefined();
  });
});
